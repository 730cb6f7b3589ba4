/// A stretch of a source file, from the first character of what a diagnostic is about to just
/// after its last, as Terraform's JSON diagnostics give it: each end as a 1-based line and
/// column and a 0-based byte offset into the file.
public struct SourceRange: Sendable, Hashable, Codable {
    public struct Position: Sendable, Hashable, Codable {
        public var line: Int
        public var column: Int
        public var byte: Int

        public init(line: Int, column: Int, byte: Int) {
            self.line = line
            self.column = column
            self.byte = byte
        }
    }

    public var filename: String
    public var start: Position
    public var end: Position

    public init(filename: String, start: Position, end: Position) {
        self.filename = filename
        self.start = start
        self.end = end
    }
}
