/// A file read from the workspace, kept so diagnostics can quote its lines.
public struct SourceFile: Sendable {
    /// As shown in messages: the workspace root as the user named it, then the relative path.
    public var displayPath: String
    /// Relative to the workspace root, with `/` separators.
    public var relativePath: String
    public var absolutePath: String
    public var bytes: [UInt8]

    public init(displayPath: String, relativePath: String, absolutePath: String, bytes: [UInt8]) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.absolutePath = absolutePath
        self.bytes = bytes
    }

    /// The text of 1-based line `number`, without its line break (empty when out of range).
    public func line(_ number: Int) -> String {
        var current = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if current == number { return String(decoding: bytes[start..<index], as: UTF8.self).trimmingCR() }
            current += 1
            start = index + 1
        }
        return current == number ? String(decoding: bytes[start...], as: UTF8.self).trimmingCR() : ""
    }
}

extension String {
    func trimmingCR() -> String { hasSuffix("\r") ? String(dropLast()) : self }
}
