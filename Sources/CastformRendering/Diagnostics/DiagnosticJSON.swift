import CastformCore
import Foundation

/// Diagnostics for programs, in the shape of `terraform validate -json`: validity, counts,
/// and each diagnostic's severity, summary, detail and source range (absent for a diagnostic
/// without a place, or whose file castform did not read).
public enum DiagnosticJSON {
    public static let formatVersion = "1.0"

    struct Document: Encodable {
        var formatVersion = DiagnosticJSON.formatVersion
        var valid: Bool
        var errorCount: Int
        var warningCount: Int
        var diagnostics: [Entry]

        enum CodingKeys: String, CodingKey {
            case valid, diagnostics
            case formatVersion = "format_version"
            case errorCount = "error_count"
            case warningCount = "warning_count"
        }
    }

    struct Entry: Encodable {
        var severity: String
        var summary: String
        var detail: String
        var range: SourceRange?
    }

    /// `range` gives the source range of a location, when the file's text is at hand.
    public static func render(_ diagnostics: [Diagnostic], range: (SourceLocation) -> SourceRange? = { _ in nil }) -> String {
        let entries = diagnostics.map { diagnostic in
            let (summary, detail) = split(diagnostic.message)
            return Entry(severity: diagnostic.severity.rawValue, summary: summary, detail: detail,
                         range: diagnostic.location.flatMap(range))
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let document = Document(valid: errors == 0, errorCount: errors, warningCount: diagnostics.count - errors, diagnostics: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A message as Terraform's summary and detail: what is wrong, then what to do or a
    /// suggestion, split at the first "; " or ": " outside quotes ("unknown attribute
    /// \"recrod\"" and "did you mean \"record\"?"). A message of one part has no detail.
    static func split(_ message: String) -> (summary: String, detail: String) {
        var quoted = false
        var index = message.startIndex
        while index < message.endIndex {
            let character = message[index]
            if character == "\"" { quoted.toggle() }
            let next = message.index(after: index)
            if !quoted, character == ";" || character == ":", next < message.endIndex, message[next] == " " {
                return (String(message[..<index]), String(message[message.index(after: next)...]))
            }
            index = next
        }
        return (message, "")
    }
}
