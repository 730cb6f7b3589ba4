/// A problem in the YAML itself, with the position it was found at.
///
/// The error is data: its kind carries the facts (libyaml's own problem and context, the key
/// written twice and where first, the limit passed), and `YAMLError+Message.swift` words them,
/// so the layers above can branch on the kind and word it their way.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// libyaml's scanner or parser rejected the text: its `problem` ("did not find expected
        /// key") and the `context` it was reading in ("while parsing a block mapping"), as
        /// libyaml words them — libyaml's own report, which castform passes on unchanged.
        case syntax(problem: String, context: String?)
        /// A line indented with a tab, which libyaml reports as some other syntax error.
        case tabIndentation
        /// libyaml could not even start (it could not allocate its parser).
        case parserUnavailable
        /// The same key twice in one mapping; `firstMark` is the earlier occurrence.
        case duplicateKey(key: String, firstMark: Mark)
        /// An alias to an anchor not defined before it.
        case unknownAlias(String)
        /// Aliases would expand the document past `ParseLimits.maxAliasExpansion` nodes.
        case aliasExpansion(limit: Int)
        /// Collections nested deeper than `ParseLimits.maxDepth`.
        case tooDeep(limit: Int)
    }

    public var kind: Kind
    public var mark: Mark

    public init(kind: Kind, mark: Mark) {
        self.kind = kind
        self.mark = mark
    }

    /// Whether the text is not YAML at all (libyaml stopped), as opposed to YAML that castform
    /// refuses (a duplicate key, an alias bomb).
    public var isSyntax: Bool {
        switch kind {
        case .syntax, .tabIndentation, .parserUnavailable: true
        case .duplicateKey, .unknownAlias, .aliasExpansion, .tooDeep: false
        }
    }

    public var description: String { "\(mark): \(message)" }
}

/// Guards against hostile input: deep nesting and alias bombs ("billion laughs").
public struct ParseLimits: Sendable {
    public var maxDepth: Int
    /// The most nodes that aliases may add to one document by repeating anchored subtrees.
    public var maxAliasExpansion: Int

    public init(maxDepth: Int = 128, maxAliasExpansion: Int = 100_000) {
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }
}
