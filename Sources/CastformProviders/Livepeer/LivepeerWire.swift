import CastformCore

/// Field names between the manifest (snake_case, as the Python SDK writes them) and the API
/// (camelCase). Keys inside free-form maps (user tags, a webhook context, pull headers) are
/// the user's own and pass through unchanged.
enum LivepeerWire {
    static let freeForm: Set<String> = ["user_tags", "userTags", "webhook_context", "webhookContext", "headers"]

    static func camel(_ name: String) -> String {
        let parts = name.split(separator: "_")
        guard let first = parts.first else { return name }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    static func snake(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
        return result
    }

    /// A manifest value as the API wants it, secrets unmarked (only ever sent, never printed).
    static func toAPI(_ value: Value) -> Value {
        switch value.unmarked {
        case .object(let fields):
            var out: [String: Value] = [:]
            for (key, field) in fields { out[camel(key)] = freeForm.contains(key) ? field.unmarked : toAPI(field) }
            return .object(out)
        case .list(let items): return .list(items.map(toAPI))
        case let other: return other
        }
    }

    /// An API value in the manifest's shape; nulls dropped, since an absent field and a null
    /// one mean the same to the server.
    static func fromAPI(_ value: Value) -> Value {
        switch value {
        case .object(let fields):
            var out: [String: Value] = [:]
            for (key, field) in fields where field != .null { out[snake(key)] = freeForm.contains(key) ? field : fromAPI(field) }
            return .object(out)
        case .list(let items): return .list(items.map(fromAPI))
        default: return value
        }
    }

    /// The fields of an object value.
    static func fields(_ value: Value?) -> [String: Value] {
        if case .object(let fields)? = value { return fields }
        if case .sensitive(let inner)? = value { return fields(inner) }
        return [:]
    }

    static func items(_ value: Value?) -> [Value] {
        if case .list(let items)? = value { return items }
        if case .sensitive(let inner)? = value { return items(inner) }
        return []
    }
}
