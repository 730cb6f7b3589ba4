/// The type of an attribute, as a provider declares it.
public indirect enum ValueType: Sendable {
    case string
    case int
    case number
    case bool
    /// A start time: integer seconds, `m:ss`, `mm:ss` or `h:mm:ss`, decoded to seconds.
    case time
    /// A file path relative to the manifest that names it; decoded relative to the workspace root.
    case path
    case list(ValueType)
    /// Free-form keys, each value of the given type (HTTP headers, webhook context, user tags).
    case map(ValueType)
    case object(ObjectSchema)
    /// Anything YAML can hold.
    case any
    /// One of several types, tried in order (the first whose shape matches the node is used).
    case oneOf([ValueType])

    /// A phrase for messages: "a string", "a list of objects".
    public var phrase: String {
        switch self {
        case .string: return "a string"
        case .int: return "an integer"
        case .number: return "a number"
        case .bool: return "true or false"
        case .time: return "a time (seconds, m:ss or h:mm:ss)"
        case .path: return "a file path"
        case .list(let element): return "a list of \(element.pluralPhrase)"
        case .map: return "a mapping"
        case .object: return "a mapping"
        case .any: return "a value"
        case .oneOf(let types): return types.map(\.phrase).joined(separator: " or ")
        }
    }

    var pluralPhrase: String {
        switch self {
        case .string: return "strings"
        case .int: return "integers"
        case .number: return "numbers"
        case .bool: return "booleans"
        case .time: return "times"
        case .path: return "file paths"
        case .list: return "lists"
        case .map, .object: return "mappings"
        case .any: return "values"
        case .oneOf: return "values"
        }
    }
}
