/// A rule about one attribute's value, beyond its type. Each kind has one check in
/// CastformManifest's Validation folder.
public enum Constraint: Sendable {
    /// Numbers: at least / at most.
    case range(min: Double?, max: Double?)
    /// Strings: length in characters.
    case length(min: Int?, max: Int?)
    /// Lists: at most this many items.
    case maxItems(Int)
    /// Strings: one of these values (an enum).
    case oneOf([String])
    /// Strings: must start with one of these URL schemes (`https`, `rtmp`, ...).
    case urlScheme([String])
    /// Strings: a UTC timestamp `YYYY-MM-DDTHH:MM:SSZ`.
    case utcTimestamp
    /// Paths: the file exists and has at most this many bytes.
    case file(maxBytes: Int64)
    /// Lists of objects: this key's value is unique across items.
    case uniqueItems(key: String)
    /// Lists of objects: this key's value is not one of these (a reserved name).
    case reservedValues(key: String, values: [String], reason: String)
    /// Lists of objects: this key's value strictly increases from item to item.
    case increasing(key: String)
}

/// A rule across the attributes of one object.
public enum ObjectRule: Sendable {
    /// Exactly one of these keys is set.
    case exactlyOneOf([String])
    /// The set keys match one of these shapes (each shape lists keys that go together).
    case oneShapeOf([[String]], names: [String])
    /// Anything else, written by the provider: a name and a check.
    case custom(CustomRule)
}

/// A provider's own check of an object; it returns diagnostics, it never throws.
public struct CustomRule: Sendable {
    public var name: String
    public var check: @Sendable (ConfigValue) -> [Diagnostic]

    public init(_ name: String, check: @escaping @Sendable (ConfigValue) -> [Diagnostic]) {
        self.name = name
        self.check = check
    }
}
