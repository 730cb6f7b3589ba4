import CastformPlanning
import Foundation

/// The plan document as JSON (`plan --json`, `show --json`).
public enum PlanJSONRenderer {
    public static func render(_ document: PlanDocument) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
