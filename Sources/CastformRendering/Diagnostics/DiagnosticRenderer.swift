import CastformCore

/// Diagnostics for people: `path:line:column: error: message`, the source line, and a caret
/// under the column — clickable in terminals and editors.
public struct DiagnosticRenderer: Sendable {
    public var style: TerminalStyle
    /// The text of a line of a file (by display path and 1-based line), when it can be quoted.
    public var sourceLine: @Sendable (String, Int) -> String?

    public init(style: TerminalStyle, sourceLine: @escaping @Sendable (String, Int) -> String? = { _, _ in nil }) {
        self.style = style
        self.sourceLine = sourceLine
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let label = diagnostic.severity == .error ? style.red(style.bold("error:")) : style.yellow(style.bold("warning:"))
        guard let location = diagnostic.location else {
            return "\(label) \(diagnostic.message)\n"
        }
        var text = style.bold("\(location):") + " \(label) \(diagnostic.message)\n"
        if let line = sourceLine(location.file, location.line), !line.isEmpty {
            let shown = line.replacingTabs()
            let prefix = String(line.prefix(max(0, location.column - 1))).replacingTabs()
            text += "  \(shown)\n"
            text += "  " + String(repeating: " ", count: prefix.count) + style.green("^") + "\n"
        }
        return text
    }

    /// All diagnostics, then a summary line ("2 errors, 1 warning") when there are any.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        let body = diagnostics.map(render).joined()
        return body + "\n" + Self.summary(diagnostics) + "\n"
    }

    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        return parts.joined(separator: ", ")
    }
}

extension String {
    /// Tabs become single spaces so the caret lines up with the column libyaml counted.
    func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
