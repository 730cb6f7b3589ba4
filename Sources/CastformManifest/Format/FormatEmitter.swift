import CastformCore
import YAML

/// Writes a parsed manifest back in castform's canonical layout: two-space indentation, keys
/// in schema order, lists of short objects (a tracklist) one flow mapping per line with their
/// columns aligned, short lists of scalars in flow style — and every scalar exactly as written
/// (`"0:30"` stays quoted, `2:54` plain), every comment and blank line where it was.
struct FormatEmitter {
    static let width = 100

    let source: [[Character]]
    let registry: SchemaRegistry
    var trivia: FormatTrivia
    private(set) var output: [String] = []

    init(source: [String], root: Node, registry: SchemaRegistry) {
        self.source = source.map(Array.init)
        self.registry = registry
        trivia = FormatTrivia(lines: source, root: root)
    }

    /// The document, laid out; `context` says which schemas its mappings follow.
    mutating func document(_ root: Node, context: FormatContext) -> String {
        mapping(root, indent: 0, context: context)
        for line in trivia.end { append(line, indent: "") }
        while output.last == "" { output.removeLast() }
        return output.joined(separator: "\n") + "\n"
    }

    // MARK: Collections

    /// A block mapping's pairs at `indent`; `first` replaces the first line's indentation (a
    /// list item's `- `).
    private mutating func mapping(_ node: Node, indent: Int, context: FormatContext, first: String? = nil) {
        for (index, pair) in context.ordered(node.mapping ?? []).enumerated() {
            let key = pair.key.scalar?.value ?? ""
            if index > 0 || first == nil { leading(pair.key.mark.line, indent: indent) }
            let start = index == 0 ? first ?? pad(indent) : pad(indent)
            value(pair.value, prefix: start + inline(pair.key) + ":", keyLine: pair.key.mark.line, indent: indent,
                  context: context.child(key, registry: registry), items: context.item(key, registry: registry), inSchema: context.isSchema)
        }
    }

    /// The value after `prefix` (`key:` or `-`): on the same line when it is a scalar or fits
    /// in flow style, else below it, indented. `inSchema`: the key is an attribute, so a list
    /// of scalars may be put in flow style (elsewhere the written style is kept).
    private mutating func value(_ node: Node, prefix: String, keyLine: Int, indent: Int, context: FormatContext, items: FormatContext,
                                inSchema: Bool = false) {
        switch node.content {
        case .scalar(let scalar) where scalar.style == .literal || scalar.style == .folded:
            blockScalar(node, prefix: prefix, indent: indent + 2)
        case .scalar(let scalar) where scalar.value.isEmpty && scalar.style == .plain:
            line(prefix, source: keyLine)
        case .scalar:
            line(prefix + " " + inline(node), source: node.end.line)
        case .mapping(let pairs):
            if pairs.isEmpty { return line(prefix + " {}", source: node.end.line) }
            if isFlow(node), let flow = flowMapping(node, context: context), prefix.count + 1 + flow.count <= Self.width {
                return line(prefix + " " + flow, source: lastLine(node))
            }
            line(prefix, source: keyLine)
            mapping(node, indent: indent + 2, context: context)
        case .sequence(let elements):
            if elements.isEmpty { return line(prefix + " []", source: node.end.line) }
            if isFlow(node) || (inSchema && !hasInnerTrivia(node, from: keyLine)), let flow = flowSequence(elements),
               prefix.count + 1 + flow.count <= Self.width {
                return line(prefix + " " + flow, source: lastLine(node))
            }
            line(prefix, source: keyLine)
            sequence(elements, indent: indent + 2, context: items)
        }
    }

    private mutating func sequence(_ elements: [Node], indent: Int, context: FormatContext) {
        let flows = alignedFlowItems(elements, context: context, indent: indent)
        for (index, element) in elements.enumerated() {
            leading(element.mark.line, indent: indent)
            if let flows {
                line(pad(indent) + "- " + flows[index], source: lastLine(element))
                continue
            }
            switch element.content {
            case .mapping(let pairs) where !pairs.isEmpty:
                mapping(element, indent: indent + 2, context: context, first: pad(indent) + "- ")
            default:
                value(element, prefix: pad(indent) + "-", keyLine: element.mark.line, indent: indent, context: context, items: .free)
            }
        }
    }

    // MARK: Flow style

    /// The items as aligned flow mappings, when every item is a mapping of scalars with no
    /// comment inside and every line fits; nil otherwise.
    private func alignedFlowItems(_ elements: [Node], context: FormatContext, indent: Int) -> [String]? {
        var rows: [[String]] = []
        for element in elements {
            guard let pairs = element.mapping, !pairs.isEmpty, !hasInnerTrivia(element, from: element.mark.line),
                  pairs.allSatisfy({ isInlineScalar($0.value) }) else { return nil }
            guard context.isSchema || isFlow(element) else { return nil }
            rows.append(context.ordered(pairs).map { inline($0.key) + ": " + inline($0.value) })
        }
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (column, part) in row.enumerated().dropLast() { widths[column] = max(widths[column], part.count + 1) }
        }
        let lines = rows.map { Self.aligned($0, widths: widths) }
        return lines.allSatisfy { indent + 2 + $0.count <= Self.width } ? lines : nil
    }

    /// `{a: 1,   b: 2}`: each part but the last padded to its column's width.
    private static func aligned(_ row: [String], widths: [Int]) -> String {
        var text = "{"
        for (column, part) in row.enumerated() {
            if column == row.count - 1 {
                text += part
            } else {
                let cell = part + ","
                text += cell + String(repeating: " ", count: max(widths[column] + 1 - cell.count, 1))
            }
        }
        return text + "}"
    }

    private func flowMapping(_ node: Node, context: FormatContext) -> String? {
        var parts: [String] = []
        for pair in context.ordered(node.mapping ?? []) {
            if isInlineScalar(pair.value) {
                parts.append(inline(pair.key) + ": " + inline(pair.value))
            } else if let items = pair.value.sequence, let flow = flowSequence(items) {
                parts.append(inline(pair.key) + ": " + flow)
            } else {
                return nil
            }
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    private func flowSequence(_ elements: [Node]) -> String? {
        guard elements.allSatisfy(isInlineScalar) else { return nil }
        return "[" + elements.map(inline).joined(separator: ", ") + "]"
    }

    // MARK: Scalars

    /// A scalar as written, when it is on one line; a scalar written across lines comes back
    /// double-quoted on one.
    private func inline(_ node: Node) -> String {
        guard node.mark.line == node.end.line, node.mark.line <= source.count else {
            return ManifestWriter.quoted(node.scalar?.value ?? "")
        }
        let text = source[node.mark.line - 1]
        let start = min(node.mark.column - 1, text.count)
        return String(text[start..<min(max(node.end.column - 1, start), text.count)])
    }

    private func isInlineScalar(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style != .literal && scalar.style != .folded && !(scalar.value.isEmpty && scalar.style == .plain)
    }

    /// `|` or `>` with its indicators, then the text re-indented to `indent`, its own
    /// indentation beyond the first line's kept.
    private mutating func blockScalar(_ node: Node, prefix: String, indent: Int) {
        let header = String(source[node.mark.line - 1][(node.mark.column - 1)...].prefix { $0 != " " && $0 != "\t" })
        line(prefix + " " + header, source: node.mark.line)
        let last = lastLine(node)
        guard last > node.mark.line else { return }
        let body = (node.mark.line + 1...last).map { String(source[$0 - 1]) }
        let margin = body.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.prefix { $0 == " " }.count }.min() ?? 0
        for text in body {
            output.append(text.trimmingCharacters(in: .whitespaces).isEmpty ? "" : pad(indent) + text.dropFirst(margin))
        }
    }

    // MARK: Lines and trivia

    /// A line of output; the comment that ended its source line follows it, at the column it
    /// was written at when the text leaves room (so aligned comments stay aligned).
    private mutating func line(_ text: String, source line: Int) {
        guard let comment = trivia.trailing.removeValue(forKey: line) else { return output.append(text) }
        let gap = max(comment.column - 1 - text.count, 2)
        output.append(text + String(repeating: " ", count: gap) + comment.text)
    }

    private mutating func leading(_ line: Int, indent: Int) {
        for entry in trivia.leading.removeValue(forKey: line) ?? [] { append(entry, indent: pad(indent)) }
    }

    /// A comment at `indent`, or one blank line (never two, never first).
    private mutating func append(_ entry: FormatTrivia.Line, indent: String) {
        switch entry {
        case .blank: if let last = output.last, last != "" { output.append("") }
        case .comment(let text): output.append(indent + text)
        }
    }

    /// Whether a comment or blank line sits inside the node's lines (after `from`), which a
    /// one-line layout would lose.
    private func hasInnerTrivia(_ node: Node, from start: Int) -> Bool {
        let last = lastLine(node)
        guard last > start else { return false }
        return (start + 1...last).contains { trivia.leading[$0] != nil } || (start..<last).contains { trivia.trailing[$0] != nil }
    }

    /// The last source line the node's text is on.
    private func lastLine(_ node: Node) -> Int {
        switch node.content {
        case .scalar(let scalar) where scalar.style == .literal || scalar.style == .folded:
            var last = node.end.column == 1 ? node.end.line - 1 : node.end.line
            while last > node.mark.line, last <= source.count, source[last - 1].allSatisfy({ $0 == " " }) { last -= 1 }
            return max(last, node.mark.line)
        case .scalar:
            return node.end.line
        case .sequence(let items):
            return isFlow(node) ? node.end.line : items.map(lastLine).max() ?? node.mark.line
        case .mapping(let pairs):
            return isFlow(node) ? node.end.line : pairs.map { lastLine($0.value) }.max() ?? node.mark.line
        }
    }

    private func isFlow(_ node: Node) -> Bool {
        guard node.mark.line <= source.count, node.mark.column - 1 < source[node.mark.line - 1].count else { return false }
        let character = source[node.mark.line - 1][node.mark.column - 1]
        return character == "{" || character == "["
    }

    private func pad(_ indent: Int) -> String {
        String(repeating: " ", count: indent)
    }
}
