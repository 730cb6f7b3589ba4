import CastformCore

/// Checks on a file's bytes before YAML sees them: size and encoding. (`SourceReader` applies
/// the size limit before reading; the check here holds for bytes from anywhere else.)
enum SourceChecks {
    /// Manifests larger than this are refused: split them. (10,000 cloudcasts take ~6 MiB.)
    static let maxBytes = 32 * 1024 * 1024

    /// The position of the first byte that is not valid UTF-8, if any; the column counts the
    /// characters before it on its line, as every column castform reports does.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8)? {
        guard let offset = firstInvalidOffset(bytes) else { return nil }
        let before = bytes[..<offset]
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = 1 + before.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column, bytes[offset])
    }

    /// Where the first byte that is not valid UTF-8 is. Manifests are mostly ASCII: eight
    /// bytes are looked at together until one of them is not (every byte of 10,000 shows'
    /// manifests went through the switch below one at a time).
    private static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if index + 8 <= buffer.count,
                   UnsafeRawPointer(buffer.baseAddress!).loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
                let byte = buffer[index]
                let length: Int
                switch byte {
                case 0x00...0x7F: length = 1
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default: return index
                }
                guard index + length <= buffer.count else { return index }
                for offset in 1..<length where buffer[index + offset] & 0xC0 != 0x80 {
                    return index
                }
                if length == 3 {
                    let second = buffer[index + 1]
                    if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) { return index }
                } else if length == 4 {
                    let second = buffer[index + 1]
                    if (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) { return index }
                }
                index += length
            }
            return nil
        }
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
