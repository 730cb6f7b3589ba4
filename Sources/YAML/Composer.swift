import CYAML

/// Builds nodes from libyaml events: the stack holds the collections still open.
struct Composer {
    private enum Open {
        case sequence(items: [Node], tag: String?, anchor: String?, mark: Mark)
        case mapping(pairs: [Pair], pendingKey: Node?, seen: [String: Mark], tag: String?, anchor: String?, mark: Mark)
    }

    let file: String
    let limits: ParseLimits
    private(set) var documents: [Document] = []
    private(set) var errors: [YAMLError] = []
    private(set) var stopped = false

    private var stack: [Open] = []
    private var anchors: [String: Node] = [:]
    private var anchorSizes: [String: Int] = [:]
    private var documentMark: Mark?
    private var documentRoot: Node?
    private var aliasExpansion = 0
    /// Node count of each open collection, so an anchor knows how much its alias repeats.
    private var openSizes: [Int] = []

    init(file: String, limits: ParseLimits) {
        self.file = file
        self.limits = limits
    }

    func mark(_ line: Int, _ column: Int) -> Mark {
        Mark(file: file, line: line + 1, column: column + 1)
    }

    mutating func fail(_ kind: YAMLError.Kind, _ message: String, at mark: Mark) {
        errors.append(YAMLError(kind: kind, message: message, mark: mark))
        stopped = true
    }

    mutating func handle(_ event: yaml_event_t) {
        let start = mark(Int(event.start_mark.line), Int(event.start_mark.column))
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentMark = start
            documentRoot = nil
            anchors = [:]
            anchorSizes = [:]
            aliasExpansion = 0
        case YAML_DOCUMENT_END_EVENT:
            documents.append(Document(root: documentRoot, mark: documentMark ?? start))
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: data.value, count: Int(data.length)), as: UTF8.self)
            let node = Node(
                content: .scalar(Scalar(text, style: Composer.style(data.style))),
                tag: Composer.string(data.tag),
                anchor: Composer.string(data.anchor),
                mark: start
            )
            add(node, size: 1)
        case YAML_ALIAS_EVENT:
            let name = Composer.string(event.data.alias.anchor) ?? ""
            guard let node = anchors[name] else {
                fail(.unknownAlias(name), "alias *\(name) refers to no anchor defined before it", at: start)
                return
            }
            let size = anchorSizes[name] ?? 1
            aliasExpansion += size
            if aliasExpansion > limits.maxAliasExpansion {
                fail(.aliasExpansion(limit: limits.maxAliasExpansion),
                     "aliases expand this document to more than \(limits.maxAliasExpansion) nodes; castform refuses such alias bombs",
                     at: start)
                return
            }
            add(node, size: size)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            guard enter(at: start) else { return }
            stack.append(.sequence(items: [], tag: Composer.string(data.tag), anchor: Composer.string(data.anchor), mark: start))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            guard enter(at: start) else { return }
            stack.append(.mapping(pairs: [], pendingKey: nil, seen: [:], tag: Composer.string(data.tag), anchor: Composer.string(data.anchor), mark: start))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let open = stack.popLast() else { return }
            let size = openSizes.popLast() ?? 1
            switch open {
            case .sequence(let items, let tag, let anchor, let mark):
                add(Node(content: .sequence(items), tag: tag, anchor: anchor, mark: mark), size: size)
            case .mapping(let pairs, _, _, let tag, let anchor, let mark):
                add(Node(content: .mapping(pairs), tag: tag, anchor: anchor, mark: mark), size: size)
            }
        default:
            break
        }
    }

    private mutating func enter(at mark: Mark) -> Bool {
        if stack.count >= limits.maxDepth {
            fail(.tooDeep(limit: limits.maxDepth),
                 "collections are nested more than \(limits.maxDepth) levels deep", at: mark)
            return false
        }
        openSizes.append(1)
        return true
    }

    /// Adds a finished node to the innermost open collection, or makes it the document root.
    private mutating func add(_ node: Node, size: Int) {
        if let anchor = node.anchor {
            anchors[anchor] = node
            anchorSizes[anchor] = size
        }
        if !openSizes.isEmpty { openSizes[openSizes.count - 1] += size }
        guard let open = stack.popLast() else {
            documentRoot = node
            return
        }
        switch open {
        case .sequence(var items, let tag, let anchor, let mark):
            items.append(node)
            stack.append(.sequence(items: items, tag: tag, anchor: anchor, mark: mark))
        case .mapping(var pairs, let pendingKey, var seen, let tag, let anchor, let mark):
            if let key = pendingKey {
                pairs.append(Pair(key: key, value: node))
                stack.append(.mapping(pairs: pairs, pendingKey: nil, seen: seen, tag: tag, anchor: anchor, mark: mark))
            } else {
                if let name = node.scalar?.value {
                    if let first = seen[name] {
                        errors.append(YAMLError(
                            kind: .duplicateKey(key: name, firstMark: first),
                            message: "duplicate key \"\(name)\" in this mapping (first at line \(first.line), column \(first.column))",
                            mark: node.mark))
                    } else {
                        seen[name] = node.mark
                    }
                }
                stack.append(.mapping(pairs: pairs, pendingKey: node, seen: seen, tag: tag, anchor: anchor, mark: mark))
            }
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
