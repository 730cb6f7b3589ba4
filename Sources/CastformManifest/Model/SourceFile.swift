import CastformCore
import YAML

/// A file read from the workspace, kept so diagnostics can quote its lines.
public struct SourceFile: Sendable {
    /// As shown in messages: the workspace root as the user named it, then the relative path.
    public var displayPath: String
    /// Relative to the workspace root, with `/` separators.
    public var relativePath: String
    public var absolutePath: String
    public var bytes: [UInt8] { lines.bytes }
    /// Where each line starts: for quoting lines, and for placing `${` exactly in the source.
    public let lines: LineIndex

    public init(displayPath: String, relativePath: String, absolutePath: String, bytes: [UInt8]) {
        self.displayPath = displayPath
        self.relativePath = relativePath
        self.absolutePath = absolutePath
        self.lines = LineIndex(bytes)
    }

    /// The text of 1-based line `number`, without its line break (empty when out of range).
    public func line(_ number: Int) -> String {
        lines.text(ofLine: number)
    }
}
