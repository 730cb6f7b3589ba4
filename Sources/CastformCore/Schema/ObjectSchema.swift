/// The attributes of an object (a resource body, a profile, a track) and rules across them.
public struct ObjectSchema: Sendable {
    public var attributes: [Attribute] {
        didSet { derived = Derived(attributes, rules) }
    }
    public var rules: [ObjectRule] {
        didSet { derived = Derived(attributes, rules) }
    }
    /// What decoding, validation and planning ask of the attributes for each of 10,000
    /// objects, found once.
    private var derived: Derived

    public init(_ attributes: [Attribute], rules: [ObjectRule] = []) {
        self.attributes = attributes
        self.rules = rules
        derived = Derived(attributes, rules)
    }

    /// One shared reference, so that a copy of the schema (`ResourceTypeSchema.body` hands one
    /// out on every read) counts one reference for all of it.
    private final class Derived: Sendable {
        /// Where each name and alias is in `attributes` (the first attribute that has it): keys
        /// are looked up for every value decoded, checked and compared.
        let positions: [String: Int]
        let holdsSensitive: Bool
        let defaults: [(name: String, value: Value)]
        let computedNames: [String]
        let writeOnlyNames: [String]
        let requiredPositions: [Int]
        let holdsRules: Bool
        let ruledAttributes: [Attribute]

        init(_ attributes: [Attribute], _ rules: [ObjectRule]) {
            positions = ObjectSchema.positions(attributes)
            holdsSensitive = attributes.contains { $0.sensitive || $0.type.canHoldSensitive }
            defaults = attributes.compactMap { attribute in attribute.defaultValue.map { (attribute.name, $0) } }
            computedNames = attributes.filter { $0.presence == .computed }.map(\.name)
            writeOnlyNames = attributes.filter(\.writeOnly).map(\.name)
            requiredPositions = attributes.indices.filter { attributes[$0].presence == .required }
            ruledAttributes = attributes.filter { $0.type.canHoldRules }
            holdsRules = !rules.isEmpty || !ruledAttributes.isEmpty
        }
    }

    /// Whether an attribute, at any depth, is sensitive: values of schemas without any are
    /// not walked for secrets to mark.
    public var holdsSensitive: Bool { derived.holdsSensitive }
    /// The attributes that have a default, with it, in schema order.
    public var defaults: [(name: String, value: Value)] { derived.defaults }
    /// The attributes only the service sets, in schema order.
    public var computedNames: [String] { derived.computedNames }
    /// The attributes sent but never read back, in schema order.
    public var writeOnlyNames: [String] { derived.writeOnlyNames }
    /// Where the attributes a manifest must set are in `attributes`, in schema order.
    public var requiredPositions: [Int] { derived.requiredPositions }
    /// Whether this object or one inside it has rules across its attributes: objects of
    /// schemas without any are not walked for them.
    public var holdsRules: Bool { derived.holdsRules }
    /// The attributes whose values can hold objects with rules, in schema order.
    public var ruledAttributes: [Attribute] { derived.ruledAttributes }

    /// The attribute a manifest key names, by name or alias.
    public func attribute(named key: String) -> Attribute? {
        derived.positions[key].map { attributes[$0] }
    }

    /// Where in `attributes` the attribute a manifest key names is, by name or alias.
    public func position(named key: String) -> Int? {
        derived.positions[key]
    }

    private static func positions(_ attributes: [Attribute]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, attribute) in attributes.enumerated() {
            for name in [attribute.name] + attribute.aliases where positions[name] == nil { positions[name] = index }
        }
        return positions
    }

    /// Names a manifest may write, for "did you mean".
    public var settableNames: [String] {
        attributes.filter(\.isSettable).flatMap { [$0.name] + $0.aliases }
    }
}

extension ValueType {
    /// Whether a value of this type can hold an object with rules.
    public var canHoldRules: Bool { canHold(\.holdsRules) }

    /// Whether a value of this type can have a part the schema marks sensitive.
    public var canHoldSensitive: Bool { canHold(\.holdsSensitive) }

    /// Whether a value of this type can hold an object whose schema `matches` says so.
    private func canHold(_ matches: (ObjectSchema) -> Bool) -> Bool {
        switch self {
        case .object(let schema): return matches(schema)
        case .list(let element), .map(let element): return element.canHold(matches)
        case .oneOf(let types): return types.contains { $0.canHold(matches) }
        default: return false
        }
    }
}
