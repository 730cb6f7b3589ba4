import CastformCore

/// Checks on a file's bytes before YAML sees them: size and encoding. (`SourceReader` applies
/// the size limit before reading; the check here holds for bytes from anywhere else.)
enum SourceChecks {
    /// Manifests larger than this are refused: split them. (10,000 cloudcasts take ~6 MiB.)
    static let maxBytes = 32 * 1024 * 1024

    /// The position of the first byte that is not valid UTF-8, if any; the column counts the
    /// characters before it on its line, as every column castform reports does.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8)? {
        var line = 1
        var lineStart = 0
        var index = 0
        func column() -> Int { String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1 }
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column(), byte)
            }
            guard index + length <= bytes.count else { return (line, column(), byte) }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 {
                return (line, column(), byte)
            }
            if length == 3 {
                let second = bytes[index + 1]
                if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) { return (line, column(), byte) }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) { return (line, column(), byte) }
            }
            index += length
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index
            }
        }
        return nil
    }

    /// A file over the limit, named with its size and the limit.
    static func tooLarge(_ size: Int64, displayPath: String) -> Diagnostic {
        .manifest(.source(.tooLarge(path: displayPath, size: size, limit: Int64(maxBytes))), at: .file(displayPath))
    }

    static func check(_ bytes: [UInt8], displayPath: String) -> Diagnostic? {
        if bytes.count > maxBytes { return tooLarge(Int64(bytes.count), displayPath: displayPath) }
        if let bad = firstInvalidUTF8(bytes) {
            return .manifest(.source(.notUTF8(byte: bad.byte)), at: SourceLocation(file: displayPath, line: bad.line, column: bad.column))
        }
        return nil
    }
}
