/// A problem in the YAML itself, with the position it was found at.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// libyaml's scanner or parser rejected the text.
        case syntax
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
    public var message: String
    public var mark: Mark

    public init(kind: Kind, message: String, mark: Mark) {
        self.kind = kind
        self.message = message
        self.mark = mark
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
