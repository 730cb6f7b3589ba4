import CYAML
import SourceFileNames

/// Builds nodes from libyaml events: the stack holds the collections still open, and `nodes`
/// the finished nodes inside them, innermost collection's last (a mapping's as key, value,
/// key, value …).
///
/// One shared list of finished nodes rather than a list per open collection: a collection's
/// nodes are moved out, at its exact size, when it closes, so no list is regrown and no node
/// is copied or counted on the way (a manifest of 10,000 declarations is over a million nodes).
struct Composer {
    private struct Open {
        let isMapping: Bool
        let tag: String?
        let anchor: String?
        let mark: Mark
        /// Where the collection's finished nodes start in `nodes`.
        let start: Int
        /// The scalar keys so far, once a mapping has many (a manifest's hundreds of
        /// declarations); a small one is searched through its keys instead.
        var seen: [String: Mark]?
        /// Nodes in this collection once aliases are expanded, for the alias-bomb limit.
        var size = 1

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
    /// Optional so that a closing collection can take its nodes out (`take()`) without a copy.
    private var nodes: [Node?] = []
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
            open(Open(isMapping: false, tag: Composer.string(data.tag), anchor: Composer.string(data.anchor), mark: start,
                      start: nodes.count))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            open(Open(isMapping: true, tag: Composer.string(data.tag), anchor: Composer.string(data.anchor), mark: start,
                      start: nodes.count))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let closed = stack.popLast() else { return }
            let content = takeContent(of: closed)
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
    private mutating func add(_ node: consuming Node, size: Int) {
        if let anchor = node.anchor { anchors[anchor] = (node, size) }
        guard let parent = stack.indices.last else {
            documentRoot = node
            return
        }
        stack[parent].size += size
        // In a mapping, a node at an even place is a key.
        if stack[parent].isMapping, (nodes.count - stack[parent].start) % 2 == 0, case .scalar(let scalar) = node.content,
           let first = firstMark(ofKey: scalar.value, at: node.mark, in: parent) {
            errors.append(YAMLError(kind: .duplicateKey(key: scalar.value, firstMark: first), mark: node.mark))
        }
        nodes.append(node)
    }

    /// Where scalar key `key` was first written in the mapping open at `index` of the stack;
    /// records it when new.
    private mutating func firstMark(ofKey key: String, at mark: Mark, in index: Int) -> Mark? {
        let start = stack[index].start
        if stack[index].seen == nil, nodes.count - start < 2 * Open.searchedPairs {
            for position in stride(from: start, to: nodes.count, by: 2) {
                if let node = nodes[position], case .scalar(let scalar) = node.content, scalar.value == key { return node.mark }
            }
            return nil
        }
        if stack[index].seen == nil {
            var keys: [String: Mark] = [:]
            for position in stride(from: start, to: nodes.count, by: 2).reversed() {
                if let node = nodes[position], case .scalar(let scalar) = node.content { keys[scalar.value] = node.mark }
            }
            stack[index].seen = keys
        }
        if let first = stack[index].seen?[key] { return first }
        stack[index].seen?[key] = mark
        return nil
    }

    /// The closed collection's nodes, moved out of `nodes` into a list or pairs of its size.
    private mutating func takeContent(of closed: Open) -> Node.Content {
        let end = nodes.count
        defer { nodes.removeSubrange(closed.start..<end) }
        if !closed.isMapping {
            var items: [Node] = []
            items.reserveCapacity(end - closed.start)
            for position in closed.start..<end { items.append(nodes[position].take()!) }
            return .sequence(items)
        }
        var pairs: [Pair] = []
        pairs.reserveCapacity((end - closed.start) / 2)
        // libyaml gives every key a value (an empty one is a null scalar): keys and values alternate.
        for position in stride(from: closed.start, to: end - 1, by: 2) {
            pairs.append(Pair(key: nodes[position].take()!, value: nodes[position + 1].take()!))
        }
        return .mapping(pairs)
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
