import CastformCore
import Foundation

/// Manifest attributes → Mixcloud form fields (FACTS.md §2, §3): title → `name`, tracks and
/// chapters → `sections-N-*`, tags → `tags-N-tag`, hosts → `hosts-N-username`.
enum MixcloudFields {
    /// The upload's text fields: every declared attribute.
    static func upload(_ desired: [String: Value]) -> [(String, String)] {
        var fields: [(String, String)] = []
        if let title = desired["title"]?.unmarked.stringValue { fields.append(("name", title)) }
        if let description = desired["description"]?.unmarked.stringValue { fields.append(("description", trimmed(description))) }
        fields += tags(desired["tags"]) + sections(desired["tracks"]) + hosts(desired["hosts"])
        if desired["unlisted"]?.unmarked == .bool(true) { fields.append(("unlisted", "1")) }
        if let date = desired["publish_date"]?.unmarked.stringValue { fields.append(("publish_date", date)) }
        for flag in ["hide_stats", "disable_comments"] where desired[flag]?.unmarked == .bool(true) { fields.append((flag, "1")) }
        return fields
    }

    /// The edit's fields: only the changed attributes. Tags, sections and hosts are replaced
    /// wholesale by Mixcloud, so a change to any of them sends the whole list.
    static func edit(_ desired: [String: Value], changed: [String]) -> [(String, String)] {
        var fields: [(String, String)] = []
        for name in changed {
            let value = desired[name]?.unmarked ?? .null
            switch name {
            case "title": if let title = value.stringValue { fields.append(("name", title)) }
            case "description": fields.append(("description", trimmed(value.stringValue ?? "")))
            case "tags": fields += tags(value).isEmpty ? [("tags-0-tag", "")] : tags(value)
            case "tracks": fields += sections(value)
            case "hosts": fields += hosts(value).isEmpty ? [("hosts-0-username", "")] : hosts(value)
            // Only one of unlisted, publish and unpublish may go in one edit.
            case "unlisted": fields.append(value == .bool(true) ? ("unlisted", "1") : ("publish", "1"))
            case "publish_date": if let date = value.stringValue { fields.append(("publish_date", date)) }
            case "hide_stats", "disable_comments": fields.append((name, value == .bool(true) ? "1" : "0"))
            default: break
            }
        }
        return fields
    }

    static func tags(_ value: Value?) -> [(String, String)] {
        strings(value).enumerated().map { ("tags-\($0.offset)-tag", $0.element) }
    }

    static func hosts(_ value: Value?) -> [(String, String)] {
        strings(value).enumerated().map { ("hosts-\($0.offset)-username", $0.element) }
    }

    /// A section is a track (artist and song) or a chapter, each with its start in seconds.
    static func sections(_ value: Value?) -> [(String, String)] {
        guard case .list(let items)? = value?.unmarked else { return [] }
        var fields: [(String, String)] = []
        for (index, item) in items.enumerated() {
            guard case .object(let section) = item else { continue }
            let prefix = "sections-\(index)-"
            if let chapter = section["chapter"]?.stringValue {
                fields.append((prefix + "chapter", chapter))
            } else {
                fields.append((prefix + "artist", section["artist"]?.stringValue ?? ""))
                fields.append((prefix + "song", section["track"]?.stringValue ?? ""))
            }
            if case .int(let start)? = section["start"] { fields.append((prefix + "start_time", String(start))) }
        }
        return fields
    }

    static func strings(_ value: Value?) -> [String] {
        guard case .list(let items)? = value?.unmarked else { return [] }
        return items.compactMap(\.stringValue)
    }

    /// Mixcloud keeps descriptions without the trailing newline a YAML block leaves.
    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
