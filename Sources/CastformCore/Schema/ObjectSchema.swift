/// The attributes of an object (a resource body, a profile, a track) and rules across them.
public struct ObjectSchema: Sendable {
    public var attributes: [Attribute] {
        didSet {
            positions = Self.positions(attributes)
            holdsSensitive = Self.holdsSensitive(attributes)
        }
    }
    public var rules: [ObjectRule]
    /// Where each name and alias is in `attributes` (the first attribute that has it): keys are
    /// looked up for every value decoded, checked and compared, 10,000 objects at a time.
    private var positions: [String: Int]
    /// Whether an attribute, at any depth, is sensitive: values of schemas without any are
    /// not walked for secrets to mark.
    public private(set) var holdsSensitive: Bool

    public init(_ attributes: [Attribute], rules: [ObjectRule] = []) {
        self.attributes = attributes
        self.rules = rules
        positions = Self.positions(attributes)
        holdsSensitive = Self.holdsSensitive(attributes)
    }

    private static func holdsSensitive(_ attributes: [Attribute]) -> Bool {
        attributes.contains { $0.sensitive || $0.type.canHoldSensitive }
    }

    /// The attribute a manifest key names, by name or alias.
    public func attribute(named key: String) -> Attribute? {
        positions[key].map { attributes[$0] }
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
    /// Whether a value of this type can have a part the schema marks sensitive.
    public var canHoldSensitive: Bool {
        switch self {
        case .object(let schema): return schema.holdsSensitive
        case .list(let element), .map(let element): return element.canHoldSensitive
        case .oneOf(let types): return types.contains { $0.canHoldSensitive }
        default: return false
        }
    }
}
