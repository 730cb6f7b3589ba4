import SourceFileNames

/// A position in a YAML source: file, 1-based line and 1-based column (in characters).
///
/// libyaml counts from 0; the binding adds 1 once, here, so nothing above it has to remember.
/// Every node has one: the file is kept by number and line and column in 32 bits each, so a
/// node is copied without a reference to count for its file.
public struct Mark: Sendable, Hashable, CustomStringConvertible {
    public var fileID: SourceFileID
    public var file: String {
        get { fileID.name }
        set { fileID = SourceFileID(newValue) }
    }
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }
    private var storedLine: Int32
    private var storedColumn: Int32

    public init(file: String, line: Int, column: Int) {
        self.init(fileID: SourceFileID(file), line: line, column: column)
    }

    public init(fileID: SourceFileID, line: Int, column: Int) {
        self.fileID = fileID
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}
