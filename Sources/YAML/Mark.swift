/// A position in a YAML source: file, 1-based line and 1-based column (in characters).
///
/// libyaml counts from 0; the binding adds 1 once, here, so nothing above it has to remember.
public struct Mark: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
