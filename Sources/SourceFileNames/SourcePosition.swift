/// Where something was written: a file (as the user named it), a 1-based line and column (in
/// characters). YAML's nodes carry one (`Mark`) and castform's decoded values and diagnostics
/// (`SourceLocation`): one type, so a node's position is a value's without conversion.
public struct SourcePosition: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
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
    /// The file by number and line and column in 32 bits each (a manifest is at most a few
    /// megabytes): every YAML node, decoded value and object key carries a position, and
    /// 10,000 declarations hold hundreds of thousands, each copied without a reference to count.
    public private(set) var fileID: SourceFileID
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

    enum CodingKeys: String, CodingKey {
        case file, line, column
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
                  column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }

    /// The start of a file, for problems with the file as a whole.
    public static func file(_ file: String) -> SourcePosition {
        SourcePosition(file: file, line: 1, column: 1)
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        if a.fileID == b.fileID { return (a.storedLine, a.storedColumn) < (b.storedLine, b.storedColumn) }
        return (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
