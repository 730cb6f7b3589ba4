import CYAML
import SourceFileNames

/// Builds nodes from libyaml events: the stack holds the collections still open.
///
/// Open collections are class instances so that appending to one is in place; with values in
/// an enum, every append would copy the collection built so far.
struct Composer {
    private final class Open {
        let isMapping: Bool
        let tag: String?
        let anchor: String?
        let mark: Mark
        var items: [Node] = []
        var pairs: [Pair] = []
        var pendingKey: Node?
        /// The scalar keys so far, once a mapping has many (a manifest's hundreds of
        /// declarations); a small one is searched through its pairs instead.
        var seen: [String: Mark]?
        /// Nodes in this collection once aliases are expanded, for the alias-bomb limit.
        var size = 1

        init(isMapping: Bool, tag: String?, anchor: String?, mark: Mark) {
            self.isMapping = isMapping
            self.tag = tag
            self.anchor = anchor
            self.mark = mark
        }

        /// Where scalar key `key` was first written in this mapping; records it when new.
        func firstMark(ofKey key: String, at mark: Mark) -> Mark? {
            if seen == nil, pairs.count < Self.searchedPairs {
                for pair in pairs {
                    if case .scalar(let scalar) = pair.key.content, scalar.value == key { return pair.key.mark }
                }
                return nil
            }
            if seen == nil {
                var keys: [String: Mark] = [:]
                for pair in pairs.reversed() {
                    if case .scalar(let scalar) = pair.key.content { keys[scalar.value] = pair.key.mark }
                }
                seen = keys
            }
            if let first = seen?[key] { return first }
            seen?[key] = mark
            return nil
        }

        static let searchedPairs = 16
    }

    let file: SourceFileID
    let limits: ParseLimits
    /// The source's lines, to count columns in characters rather than libyaml's code points.
    let lines: LineIndex
    private(set) var documents: [Document] = []
    private(set) var errors: [YAMLError] = []
    private(set) var stopped = false

    private var stack: [Open] = []
    private var anchors: [String: (node: Node, size: Int)] = [:]
    private var documentMark: Mark?
    private var documentRoot: Node?
    private var aliasExpansion = 0

    init(file: String, limits: ParseLimits, lines: LineIndex) {
        self.file = SourceFileID(file)
        self.limits = limits
        self.lines = lines
    }

    /// A libyaml position (0-based, columns in code points) as a mark (1-based, in characters).
    func mark(_ line: Int, _ column: Int) -> Mark {
        Mark(fileID: file, line: line + 1, column: lines.characterColumn(line: line + 1, codePointColumn: column + 1))
    }

    func mark(_ libyamlMark: yaml_mark_t) -> Mark {
        mark(Int(libyamlMark.line), Int(libyamlMark.column))
    }

    /// A node from its start and libyaml's end mark.
    func node(_ content: Node.Content, tag: String?, anchor: String?, mark: Mark, end: yaml_mark_t) -> Node {
        let line = Int(end.line) + 1
        let column = lines.characterColumn(line: line, codePointColumn: Int(end.column) + 1)
        return Node(content: content, tag: tag, anchor: anchor, mark: mark, endLine: line, endColumn: column)
    }

    mutating func fail(_ kind: YAMLError.Kind, at mark: Mark) {
        errors.append(YAMLError(kind: kind, mark: mark))
        stopped = true
    }

    mutating func handle(_ event: yaml_event_t) {
        let start = mark(event.start_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentMark = start
            documentRoot = nil
            anchors = [:]
            aliasExpansion = 0
        case YAML_DOCUMENT_END_EVENT:
            documents.append(Document(root: documentRoot, mark: documentMark ?? start))
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: data.value, count: Int(data.length)), as: UTF8.self)
            let node = self.node(
                .scalar(Scalar(text, style: Composer.style(data.style))),
                tag: Composer.string(data.tag),
                anchor: Composer.string(data.anchor),
                mark: start,
                end: event.end_mark
            )
            add(node, size: 1)
        case YAML_ALIAS_EVENT:
            let name = Composer.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                fail(.unknownAlias(name), at: start)
                return
            }
            aliasExpansion += anchored.size
            if aliasExpansion > limits.maxAliasExpansion {
                fail(.aliasExpansion(limit: limits.maxAliasExpansion), at: start)
                return
            }
            var node = anchored.node
            node.anchor = nil
            add(node, size: anchored.size)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            open(Open(isMapping: false, tag: Composer.string(data.tag), anchor: Composer.string(data.anchor), mark: start))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            open(Open(isMapping: true, tag: Composer.string(data.tag), anchor: Composer.string(data.anchor), mark: start))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let closed = stack.popLast() else { return }
            let content: Node.Content = closed.isMapping ? .mapping(closed.pairs) : .sequence(closed.items)
            add(node(content, tag: closed.tag, anchor: closed.anchor, mark: closed.mark, end: event.end_mark), size: closed.size)
        default:
            break
        }
    }

    private mutating func open(_ collection: Open) {
        if stack.count >= limits.maxDepth {
            fail(.tooDeep(limit: limits.maxDepth), at: collection.mark)
            return
        }
        stack.append(collection)
    }

    /// Adds a finished node to the innermost open collection, or makes it the document root.
    private mutating func add(_ node: Node, size: Int) {
        if let anchor = node.anchor { anchors[anchor] = (node, size) }
        guard let parent = stack.last else {
            documentRoot = node
            return
        }
        parent.size += size
        if !parent.isMapping {
            parent.items.append(node)
        } else if let key = parent.pendingKey {
            parent.pairs.append(Pair(key: key, value: node))
            parent.pendingKey = nil
        } else {
            if case .scalar(let scalar) = node.content, let first = parent.firstMark(ofKey: scalar.value, at: node.mark) {
                errors.append(YAMLError(kind: .duplicateKey(key: scalar.value, firstMark: first), mark: node.mark))
            }
            parent.pendingKey = node
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
