import CYAML

/// libyaml's report of a syntax error, as data, placed for a reader.
///
/// libyaml gives two positions: where it gave up (the problem) and where the construct it was
/// reading began (the context). For a construct that is never closed — a quoted string, a
/// `[` or `{`, a key without its `:` — the problem is found lines later, often at the end of the
/// file; the construct's start is where the mistake is, so that is the position reported.
struct SyntaxError {
    /// Contexts whose start is the better place to point at.
    static let contextsReportedAtTheirStart: Set<String> = [
        "while scanning a quoted scalar",
        "while scanning a simple key",
        "while parsing a flow sequence",
        "while parsing a flow mapping",
        "while scanning an anchor",
        "while scanning an alias",
        "while scanning a tag",
    ]

    var kind: YAMLError.Kind
    var mark: Mark

    init(_ parser: yaml_parser_t, composer: Composer) {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        let lines = composer.lines
        let problemLine = Int(parser.problem_mark.line) + 1
        let problemColumn = Int(parser.problem_mark.column) + 1

        if Self.isIndentingTab(lines.lineBytes(problemLine), codePointColumn: problemColumn) {
            kind = .tabIndentation
            mark = composer.mark(parser.problem_mark)
        } else {
            kind = .syntax(problem: problem, context: context)
            let useContext = context.map(Self.contextsReportedAtTheirStart.contains) ?? false
            mark = composer.mark(useContext ? parser.context_mark : parser.problem_mark)
        }
        // An error at the end of the input may sit on the line after the last one: report it
        // at the end of the last line, which a reader can see.
        if mark.line > lines.lineCount {
            mark.line = lines.lineCount
            mark.column = lines.text(ofLine: lines.lineCount).count + 1
        }
    }

    /// Whether the column holds a tab with only spaces and tabs before it on its line. Those are
    /// ASCII, so the code-point column is the byte column.
    static func isIndentingTab(_ line: ArraySlice<UInt8>, codePointColumn: Int) -> Bool {
        let index = line.startIndex + codePointColumn - 1
        guard index < line.endIndex, line[index] == UInt8(ascii: "\t") else { return false }
        return line[line.startIndex..<index].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
