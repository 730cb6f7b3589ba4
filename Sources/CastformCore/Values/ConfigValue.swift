/// A value as written in a manifest, already checked against its schema type, with its place.
///
/// Strings that contain `${...}` are kept as templates; nothing is evaluated here. Times are
/// already seconds, paths already relative to the workspace root.
public struct ConfigValue: Sendable, Hashable {
    /// Not `indirect`: lists and objects hold their items in arrays already, and boxing
    /// every scalar of 10,000 declarations on the heap cost memory and time.
    public enum Kind: Sendable, Hashable {
        case null
        case bool(Bool)
        case int(Int)
        case number(Double)
        case string(String)
        case template(Template)
        case list([ConfigValue])
        case object([Field])
    }

    /// One key of an object, in document order, with where the key is written.
    public struct Field: Sendable, Hashable {
        public var name: String
        public var location: SourceLocation
        public var value: ConfigValue

        public init(name: String, location: SourceLocation, value: ConfigValue) {
            self.name = name
            self.location = location
            self.value = value
        }
    }

    public var kind: Kind {
        didSet { hasTemplate = Self.hasTemplate(kind) }
    }
    /// True when the value contains a `${...}` anywhere, so its final form is not known yet.
    /// Kept, not walked for: validation and planning ask it of every value of 10,000
    /// declarations, most of which have none. (Declared between the two others, where the
    /// layout has room: no value grows.)
    public private(set) var hasTemplate: Bool
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
        hasTemplate = Self.hasTemplate(kind)
    }

    /// Whether `kind` is or holds a template, from its items' kept answers.
    private static func hasTemplate(_ kind: Kind) -> Bool {
        switch kind {
        case .template: return true
        case .list(let items): return items.contains { $0.hasTemplate }
        case .object(let fields): return fields.contains { $0.value.hasTemplate }
        default: return false
        }
    }

    public subscript(name: String) -> ConfigValue? {
        field(name)?.value
    }

    public func field(_ name: String) -> Field? {
        if case .object(let fields) = kind { return fields.first { $0.name == name } }
        return nil
    }

    public var fields: [Field] {
        if case .object(let fields) = kind { return fields }
        return []
    }

    public var items: [ConfigValue] {
        if case .list(let items) = kind { return items }
        return []
    }

    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    public var int: Int? {
        if case .int(let value) = kind { return value }
        return nil
    }

    public var number: Double? {
        switch kind {
        case .int(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    public var bool: Bool? {
        if case .bool(let value) = kind { return value }
        return nil
    }

    /// Every reference inside the value, depth first, with where each is written.
    public var references: [(reference: Reference, location: SourceLocation)] {
        guard hasTemplate else { return [] }
        var found: [(reference: Reference, location: SourceLocation)] = []
        collectReferences(into: &found)
        return found
    }

    /// One array for the whole walk (validation and planning ask every declaration, and most
    /// values have no reference at all).
    private func collectReferences(into found: inout [(reference: Reference, location: SourceLocation)]) {
        switch kind {
        case .template(let template): found += template.references
        case .list(let items): for item in items { item.collectReferences(into: &found) }
        case .object(let fields): for field in fields { field.value.collectReferences(into: &found) }
        default: break
        }
    }
}
