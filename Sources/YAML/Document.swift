/// One document of a YAML stream (`---` separates them); `root` is nil for an empty document.
public struct Document: Sendable {
    public var root: Node?
    public var mark: Mark

    public init(root: Node?, mark: Mark) {
        self.root = root
        self.mark = mark
    }
}

/// The result of parsing a whole stream: the documents composed, and every problem found.
///
/// A syntax error stops parsing (libyaml cannot go on), so it is the last problem; duplicate
/// keys do not stop it, so a file with three of them reports all three.
public struct ParsedStream: Sendable {
    public var documents: [Document]
    public var errors: [YAMLError]
}
