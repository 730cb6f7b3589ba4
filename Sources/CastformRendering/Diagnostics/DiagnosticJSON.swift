import CastformCore
import Foundation

/// Diagnostics for programs: a JSON array of `{severity, message, file, line, column}`.
public enum DiagnosticJSON {
    struct Entry: Encodable {
        var severity: String
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
    }

    public static func render(_ diagnostics: [Diagnostic]) -> String {
        let entries = diagnostics.map {
            Entry(severity: $0.severity.rawValue, message: $0.message, file: $0.location?.file,
                  line: $0.location?.line, column: $0.location?.column)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
