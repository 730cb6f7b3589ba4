/// The attributes of an object (a resource body, a profile, a track) and rules across them.
public struct ObjectSchema: Sendable {
    public var attributes: [Attribute]
    public var rules: [ObjectRule]

    public init(_ attributes: [Attribute], rules: [ObjectRule] = []) {
        self.attributes = attributes
        self.rules = rules
    }

    /// The attribute a manifest key names, by name or alias.
    public func attribute(named key: String) -> Attribute? {
        attributes.first { $0.name == key || $0.aliases.contains(key) }
    }

    /// Names a manifest may write, for "did you mean".
    public var settableNames: [String] {
        attributes.filter(\.isSettable).flatMap { [$0.name] + $0.aliases }
    }
}
