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
}
