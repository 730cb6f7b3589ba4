import YAML

/// What a YAML file holds beside its nodes — comments and blank lines — keyed by the source
/// line they belong to, so the formatter can put them back around the nodes it re-lays.
///
/// libyaml drops comments, so they are found in the text: a line that is only a comment, or a
/// `#` after a line's last node. Full lines (comments and blanks) belong to the next line that
/// holds a node (`leading`); an end-of-line comment to its own line (`trailing`).
struct FormatTrivia {
    enum Line: Equatable {
        case blank
        case comment(String)
    }

    /// Source line → the comment and blank lines just above it.
    var leading: [Int: [Line]] = [:]
    /// Source line → the comment at its end, and the column it starts at.
    var trailing: [Int: (text: String, column: Int)] = [:]
    /// Comment and blank lines after the last node.
    var end: [Line] = []

    init(lines: [String], root: Node) {
        let spans = ScalarSpans(root)
        var pending: [Line] = []
        for (index, text) in lines.enumerated() {
            let number = index + 1
            if spans.insideBlockScalar(number) { continue }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                pending.append(.blank)
            } else if trimmed.hasPrefix("#") {
                pending.append(.comment(trimmed))
            } else {
                if !pending.isEmpty { leading[number] = pending }
                pending = []
                if let comment = spans.trailingComment(Array(text), line: number) { trailing[number] = comment }
            }
        }
        end = pending
    }

    /// Every comment, in order: what a formatted file must still hold.
    static func comments(in lines: [String], root: Node) -> [String] {
        let trivia = FormatTrivia(lines: lines, root: root)
        let full = (trivia.leading.sorted { $0.key < $1.key }.flatMap(\.value) + trivia.end).compactMap { line -> String? in
            if case .comment(let text) = line { return text }
            return nil
        }
        return (full + trivia.trailing.values.map(\.text)).sorted()
    }
}

/// Where the scalars are, so a `#` inside a quoted string is not taken for a comment and the
/// lines of a block scalar (`|`, `>`) are not read as comments or blanks of the document.
private struct ScalarSpans {
    /// Line → the column ranges scalars occupy on it (1-based, end exclusive).
    private var columns: [Int: [Range<Int>]] = [:]
    private var blockLines: Set<Int> = []

    init(_ root: Node) {
        visit(root)
    }

    private mutating func visit(_ node: Node) {
        switch node.content {
        case .scalar(let scalar):
            if scalar.style == .literal || scalar.style == .folded {
                let last = node.end.column == 1 ? node.end.line - 1 : node.end.line
                if last > node.mark.line { blockLines.formUnion((node.mark.line + 1)...last) }
            } else if node.end.line == node.mark.line {
                columns[node.mark.line, default: []].append(node.mark.column..<node.end.column)
            } else {
                columns[node.mark.line, default: []].append(node.mark.column..<Int.max)
                columns[node.end.line, default: []].append(1..<node.end.column)
            }
        case .sequence(let items):
            items.forEach { visit($0) }
        case .mapping(let pairs):
            for pair in pairs {
                visit(pair.key)
                visit(pair.value)
            }
        }
    }

    func insideBlockScalar(_ line: Int) -> Bool {
        blockLines.contains(line)
    }

    /// The comment that ends `text`: a `#` at the line's start or after a space, outside every
    /// scalar on the line.
    func trailingComment(_ text: [Character], line: Int) -> (text: String, column: Int)? {
        let taken = columns[line] ?? []
        for (index, character) in text.enumerated() where character == "#" {
            let column = index + 1
            guard index == 0 || text[index - 1] == " " || text[index - 1] == "\t" else { continue }
            if taken.contains(where: { $0.contains(column) }) { continue }
            return (String(text[index...]).trimmingCharacters(in: .whitespaces), column)
        }
        return nil
    }
}
