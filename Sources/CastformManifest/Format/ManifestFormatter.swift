import CastformCore
import YAML

/// `castform fmt`: a manifest in canonical layout (see `FormatEmitter`), or why it is left as
/// written.
///
/// The formatter never changes what a file means and never drops a comment: the result is
/// parsed again and compared with the original — the same values, the same comments — and a
/// file that would differ is left alone with a reason. Layout is all it changes, so formatting
/// a formatted file changes nothing.
public struct ManifestFormatter: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// The file in canonical layout (equal to the input when it already was).
        case formatted(String)
        /// The file is left as written.
        case skipped(FormatSkip)
    }

    let registry: SchemaRegistry

    public init(registry: SchemaRegistry) {
        self.registry = registry
    }

    /// Formats `text`, read from `file`; `isSettings` for castform.yaml, whose keys are not a
    /// manifest's types.
    public func format(_ text: String, file: String, isSettings: Bool = false) -> Outcome {
        let parsed = YAMLParser.parse(text, file: file)
        if let error = parsed.errors.first { return .skipped(.invalidYAML(error)) }
        guard parsed.documents.count <= 1 else { return .skipped(.severalDocuments) }
        guard let root = parsed.documents.first?.root else { return .formatted(text) }
        guard root.mapping != nil else { return .skipped(.notAMapping) }
        if let line = Self.firstAnchorOrTag(root) { return .skipped(.anchorsOrTags(line: line)) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var emitter = FormatEmitter(source: lines, root: root, registry: registry)
        let result = emitter.document(root, context: isSettings ? .free : context(of: root))
        return verified(result, original: root, lines: lines, file: file)
    }

    /// A manifest's root, or a document-format file's: that is one resource's body.
    private func context(of root: Node) -> FormatContext {
        let keys = (root.mapping ?? []).compactMap { $0.key.scalar?.value }
        return registry.documentFormat(forKeys: keys).map { .object($0.body, isBody: true) } ?? .manifestRoot
    }

    /// `result` when it means what the original meant and keeps its comments.
    private func verified(_ result: String, original: Node, lines: [String], file: String) -> Outcome {
        let reparsed = YAMLParser.parse(result, file: file)
        guard reparsed.errors.isEmpty, let root = reparsed.documents.first?.root, FormatEquality.same(original, root) else {
            return .skipped(.wouldChangeMeaning)
        }
        let comments = FormatTrivia.comments(in: lines, root: original)
        let kept = FormatTrivia.comments(in: result.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), root: root)
        guard comments == kept else { return .skipped(.wouldMoveComment) }
        return .formatted(result)
    }

    /// The line of the first anchor or tag: an alias arrives as a copy of its anchor's node,
    /// so the text could not be written back as it was.
    static func firstAnchorOrTag(_ node: Node) -> Int? {
        if node.anchor != nil || node.tag != nil { return node.mark.line }
        switch node.content {
        case .scalar: return nil
        case .sequence(let items): return items.lazy.compactMap(firstAnchorOrTag).first
        case .mapping(let pairs): return pairs.lazy.compactMap { firstAnchorOrTag($0.key) ?? firstAnchorOrTag($0.value) }.first
        }
    }
}

/// Why `castform fmt` leaves a file as written.
public enum FormatSkip: Sendable, Equatable {
    case invalidYAML(YAMLError)
    case severalDocuments
    case notAMapping
    case anchorsOrTags(line: Int)
    /// The canonical layout would not parse to the same values (a safeguard; a bug if seen).
    case wouldChangeMeaning
    /// A comment sits where the canonical layout has no place for it (inside a flow mapping
    /// written across lines).
    case wouldMoveComment
}

/// Whether two trees hold the same values: mappings compared as sets of keys (the formatter
/// reorders them), sequences in order, scalars by text and by what they resolve to.
enum FormatEquality {
    static func same(_ a: Node, _ b: Node) -> Bool {
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            return x.value == y.value && a.kind == b.kind
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            guard x.count == y.count else { return false }
            let others = Dictionary(y.map { ($0.key.scalar?.value ?? "", $0) }, uniquingKeysWith: { first, _ in first })
            return x.allSatisfy { pair in
                others[pair.key.scalar?.value ?? ""].map { same(pair.key, $0.key) && same(pair.value, $0.value) } ?? false
            }
        default:
            return false
        }
    }
}
