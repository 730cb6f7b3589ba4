import CastformCore
import Foundation

/// How the reference names what a schema says: types, who sets an attribute, its limits.
/// One place, so the pages, the index and `castform schema` use the same words.
enum ReferenceWords {
    static func type(_ type: ValueType) -> String {
        switch type {
        case .string: "string"
        case .int: "integer"
        case .number: "number"
        case .bool: "bool"
        case .time: "time (`m:ss`, `h:mm:ss` or seconds)"
        case .path: "file path"
        case .list(let element): "list of \(plural(element))"
        case .map(let element): "map of \(plural(element))"
        case .object: "object"
        case .any: "any value"
        case .oneOf(let types): types.map { self.type($0) }.joined(separator: " or ")
        }
    }

    private static func plural(_ type: ValueType) -> String {
        switch type {
        case .string: "strings"
        case .int: "integers"
        case .number: "numbers"
        case .bool: "bools"
        case .time: "times"
        case .path: "file paths"
        case .list: "lists"
        case .map: "maps"
        case .object: "objects"
        case .any: "values"
        case .oneOf: "values"
        }
    }

    static func presence(_ presence: Attribute.Presence) -> String {
        switch presence {
        case .required: "required"
        case .requiredToCreate: "required to create"
        case .optional: "optional"
        case .computed: "computed"
        case .optionalComputed: "optional (the service chooses when unset)"
        }
    }

    /// The flags beside presence: what a reader must know before setting it.
    static func flags(_ attribute: Attribute) -> [String] {
        var flags: [String] = []
        if attribute.sensitive { flags.append("sensitive") }
        if attribute.forceNew { flags.append("forces replacement") }
        if attribute.writeOnly { flags.append("write-only") }
        return flags
    }

    static func limits(_ constraints: [Constraint]) -> [String] {
        constraints.compactMap { constraint in
            switch constraint {
            case .range(let min, let max): bounds(min.map(number), max.map(number), unit: "")
            case .length(1, nil): "not empty"
            case .length(let min, let max): bounds(min.map(String.init), max.map(String.init), unit: " characters")
            case .maxItems(let count): "at most \(count) items"
            case .oneOf(let values): "one of " + values.map { "`\($0)`" }.joined(separator: ", ")
            case .urlScheme(let schemes): "a URL: " + schemes.map { "`\($0)://`" }.joined(separator: ", ")
            case .utcTimestamp: "a UTC time, `YYYY-MM-DDTHH:MM:SSZ`"
            case .file(let maxBytes): "a regular file inside the workspace, at most \(bytes(maxBytes))"
            case .uniqueItems(let key): "`\(key)` unique across items"
            case .reservedValues(let key, let values, _): "`\(key)` is not " + values.map { "`\($0)`" }.joined(separator: " or ")
            case .increasing(let key): "`\(key)` increases from item to item"
            }
        }
    }

    private static func bounds(_ min: String?, _ max: String?, unit: String) -> String? {
        switch (min, max) {
        case let (min?, max?): "\(min) to \(max)\(unit)"
        case let (min?, nil): "at least \(min)\(unit)"
        case let (nil, max?): "at most \(max)\(unit)"
        case (nil, nil): nil
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func bytes(_ count: Int64) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count), unit = 0
        while value >= 1024, unit < units.count - 1, value.truncatingRemainder(dividingBy: 1024) == 0 { value /= 1024; unit += 1 }
        return "\(number(value)) \(units[unit])"
    }

    /// A default as a manifest would write it.
    static func value(_ value: Value) -> String {
        switch value {
        case .string(let text): "`\"\(text)\"`"
        case .bool(let bool): "`\(bool)`"
        case .int(let int): "`\(int)`"
        case .number(let number): "`\(self.number(number))`"
        case .list(let items): items.isEmpty ? "`[]`" : "`[" + items.map { self.value($0).trimmingCharacters(in: ["`"]) }.joined(separator: ", ") + "]`"
        case .object(let fields): fields.isEmpty ? "`{}`" : "an object"
        case .null: "`null`"
        case .unknown, .sensitive: "(set by the service)"
        }
    }
}
