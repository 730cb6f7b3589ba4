import CastformHTTP
import Foundation

/// The Channel API's `.json` answers, read as its clients read them: the media-RSS feed turned
/// into JSON by rules the guide never writes down (reference/OTHER-APIS.md §a, "JSON shape").
///
/// - The root is `{"channel": {...}}`; an early form kept the `rss` wrapper
///   (`{"rss": {"channel": ...}}`), so both are accepted.
/// - `ls:`/`media:` prefixes are gone and XML attributes are `"@name"` keys.
/// - A repeated element is an array, but a converter makes one element an object: `item` and
///   `directory` are read as lists either way (`one(...)` or `[...]`), and missing as empty.
/// - Booleans and numbers may come as JSON values or as the XML's text ("true", "147.4").
struct LivestreamFeed {
    let channel: JSONValue

    /// The feed's `channel` object, or nil when the body is not one.
    init?(_ root: JSONValue) {
        if let channel = root["channel"], channel.object != nil {
            self.channel = channel
        } else if let channel = root["rss"]?["channel"], channel.object != nil {
            self.channel = channel
        } else {
            return nil
        }
    }

    /// Elements that may repeat: an array, one object, or nothing.
    static func list(_ value: JSONValue?) -> [JSONValue] {
        guard let value else { return [] }
        if let items = value.array { return items }
        if value.object != nil { return [value] }
        return []
    }

    /// Text content: a string, or a number or boolean written as text; "" for an empty element
    /// (`<description />` converts to `""`, `{}` or `null` depending on the converter).
    static func text(_ value: JSONValue?) -> String {
        switch value {
        case .string(let text)?: text
        case .number(let number)?: number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let bool)?: bool ? "true" : "false"
        default: ""
        }
    }

    /// `true`/`false` as JSON or as text; nil when absent or neither.
    static func bool(_ value: JSONValue?) -> Bool? {
        if let bool = value?.bool { return bool }
        switch text(value).lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
    }

    /// A number as JSON or as text ("771.301"); nil when absent or not a number.
    static func number(_ value: JSONValue?) -> Double? {
        value?.number ?? Double(text(value).trimmingCharacters(in: .whitespaces))
    }

    /// A whole number as JSON or as text; nil when absent or not whole.
    static func int(_ value: JSONValue?) -> Int? {
        guard let number = number(value), number == number.rounded(), abs(number) < 9e15 else { return nil }
        return Int(number)
    }

    /// An attribute (`"@url"`) of an element that may be missing (`media:thumbnail` is absent
    /// when a clip has no thumbnail).
    static func attribute(_ name: String, of element: JSONValue?) -> String {
        text(element?["@" + name])
    }
}
