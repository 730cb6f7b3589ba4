// The YAML module: a binding to the system libyaml that composes its event stream into a tree of
// `Node`s, each carrying the file, line and column it came from. It knows nothing of castform:
// no schemas, no manifests — only YAML's own structure and its own errors.

import SourceFileNames

/// One node of a YAML document: a scalar, a sequence or a mapping, with where it starts.
///
/// Aliases are resolved while composing: an alias becomes a copy of the node it names (cheap,
/// since arrays are copy-on-write) and keeps the anchored node's position, so diagnostics point
/// at the definition. Mappings keep their pairs in document order.
public struct Node: Sendable {
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    public var content: Content
    /// The explicit tag (`!!str` arrives as `tag:yaml.org,2002:str`), or nil when implicit.
    public var tag: String? {
        get { properties?.tag }
        set { setProperties(tag: newValue, anchor: anchor) }
    }
    public var anchor: String? {
        get { properties?.anchor }
        set { setProperties(tag: tag, anchor: newValue) }
    }
    /// Where the node starts: a scalar's first character (its opening quote, if quoted).
    public var mark: Mark
    /// Just after the node's last character: with `mark`, the node's text in the source.
    public var end: Mark {
        get { Mark(fileID: mark.fileID, line: Int(endLine), column: Int(endColumn)) }
        set { (endLine, endColumn) = (Int32(clamping: newValue.line), Int32(clamping: newValue.column)) }
    }
    // The end is kept as numbers (its file is `mark`'s), and tag and anchor, which few nodes
    // have, in one optional box: a manifest of 10,000 declarations is over a million nodes,
    // each copied while composing and decoding.
    private var endLine: Int32
    private var endColumn: Int32
    private var properties: Properties?

    private final class Properties: Sendable {
        let tag: String?
        let anchor: String?

        init(tag: String?, anchor: String?) {
            self.tag = tag
            self.anchor = anchor
        }
    }

    private mutating func setProperties(tag: String?, anchor: String?) {
        properties = tag == nil && anchor == nil ? nil : Properties(tag: tag, anchor: anchor)
    }

    public init(content: Content, tag: String? = nil, anchor: String? = nil, mark: Mark, end: Mark? = nil) {
        self.init(content: content, tag: tag, anchor: anchor, mark: mark,
                  endLine: end?.line ?? mark.line, endColumn: end?.column ?? mark.column)
    }

    init(content: Content, tag: String?, anchor: String?, mark: Mark, endLine: Int, endColumn: Int) {
        self.content = content
        self.mark = mark
        self.endLine = Int32(clamping: endLine)
        self.endColumn = Int32(clamping: endColumn)
        setProperties(tag: tag, anchor: anchor)
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value for a scalar key in a mapping node (first match), or nil.
    public subscript(key: String) -> Node? {
        mapping?.first { $0.key.scalar?.value == key }?.value
    }

    /// What the node is: a scalar by its core-schema meaning, or a collection. Messages that
    /// say what was found name this (the words are the caller's: YAML's "sequence" is a
    /// manifest's "list").
    public var kind: Kind {
        switch content {
        case .sequence: return .sequence
        case .mapping: return .mapping
        case .scalar:
            switch resolved {
            case .null: return .null
            case .bool: return .bool
            case .int: return .int
            case .float: return .float
            case .string: return .string
            }
        }
    }

    public enum Kind: Sendable, Hashable {
        case null, bool, int, float, string, sequence, mapping
    }
}

/// A key and its value in a mapping, in document order.
public struct Pair: Sendable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }
}

/// A scalar's text and how it was written; `style` decides how plain text resolves.
public struct Scalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var value: String
    public var style: Style

    public init(_ value: String, style: Style = .plain) {
        self.value = value
        self.style = style
    }
}
