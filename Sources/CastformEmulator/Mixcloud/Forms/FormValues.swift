import Foundation

/// How Mixcloud's forms read single values: booleans and `publish_date`.
enum FormValues {
    /// Booleans are undocumented (FACTS.md §2, [UNK]); clients send `1`, `true` or `on` for
    /// yes. The emulator accepts those (any case) and `0`, `false`, `off`, `no` and the empty
    /// string for no, and rejects anything else so a client's typo does not pass silently.
    static func boolean(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "true", "on", "yes": return true
        case "0", "false", "off", "no", "": return false
        default: return nil
        }
    }

    /// `publish_date`: exactly `YYYY-MM-DDTHH:MM:SSZ`, in UTC.
    static func publishDate(_ text: String) -> Date? {
        let pattern = #/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/#
        guard text.wholeMatch(of: pattern) != nil else { return nil }
        return try? Date.ISO8601FormatStyle().parse(text)
    }

    /// Whole seconds, as `sections-X-start_time` takes them.
    static func seconds(_ text: String) -> Int? {
        guard let value = Int(text), value >= 0 else { return nil }
        return value
    }

    /// Django's text fields strip surrounding whitespace.
    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
