import CastformCore
import CastformHTTP
import Foundation

/// Mixcloud JSON → the manifest's shape. A list item has no description and no sections
/// (FACTS.md §5): those come from a single get, and are left out when it was not made, so
/// the planner keeps state's values for them.
enum MixcloudRemote {
    static func attributes(_ json: JSONValue, full: Bool) -> [String: Value] {
        // Sized for every attribute a show has once its files are reported: 10,000 shows
        // would otherwise regrow each dictionary four times.
        var attributes = [String: Value](minimumCapacity: attributeCount)
        // Its members looked up directly: a dozen fields of 10,000 list items.
        let item = json.object ?? [:]
        let key = MixcloudClient.normalisedKey(item["key"]?.string ?? "")
        attributes["id"] = .string(key)
        if let name = item["name"]?.string { attributes["title"] = .string(name) }
        attributes["tags"] = .list((item["tags"]?.array ?? []).compactMap { $0["name"]?.string }.map(Value.string))
        for name in textFields {
            if let text = item[name]?.string { attributes[name] = .string(text) }
        }
        for name in numberFields {
            if let number = integer(item[name]) { attributes[name] = .int(number) }
        }
        if let hidden = item["hidden_stats"]?.bool { attributes["hide_stats"] = .bool(hidden) }
        if full {
            attributes["description"] = .string(item["description"]?.string ?? "")
            // A response without sections (FACTS.md §5, [UNK]) reads as an empty tracklist.
            attributes["tracks"] = .list((item["sections"]?.array ?? []).compactMap(section))
        }
        return attributes
    }

    /// Fields kept under the service's own name.
    private static let textFields = ["url", "slug", "created_time", "updated_time"]
    private static let numberFields = ["audio_length", "play_count"]
    private static let attributeCount = 16

    /// A whole number from the service's JSON; nil for one no `Int` holds (1e300 in a broken
    /// answer must not trap castform).
    static func integer(_ json: JSONValue?) -> Int? {
        guard let number = json?.number, number.isFinite, abs(number) < 9e15 else { return nil }
        return Int(number)
    }

    static func section(_ json: JSONValue) -> Value? {
        var section: [String: Value] = [:]
        if let start = integer(json["start_time"]) { section["start"] = .int(start) }
        if json["section_type"]?.string == "chapter" || json["chapter"]?.string != nil {
            section["chapter"] = .string(json["chapter"]?.string ?? "")
        } else if let track = json["track"] {
            section["artist"] = .string(track["artist"]?["name"]?.string ?? "")
            section["track"] = .string(track["name"]?.string ?? "")
        } else {
            return nil
        }
        return .object(section)
    }
}
