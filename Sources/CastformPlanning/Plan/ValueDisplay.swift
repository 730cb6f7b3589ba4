import CastformCore

/// How to show one attribute's value, taken from its type's schema and carried in the plan
/// document (`attribute_display`), so that renderers draw nested diffs from the document alone,
/// never from a provider's code.
///
/// Only what differs from the plain JSON form is recorded: a display format (seconds shown
/// as a time), the keys that name a list's elements, and the order of an object's keys.
public struct ValueDisplay: Codable, Sendable, Equatable {
    /// "time": whole seconds shown as `m:ss` or `h:mm:ss`.
    public var format: String?
    /// For a list of objects: the keys that pair an element of the old list with one of the
    /// new. nil: elements are paired by position once equal ones are lined up.
    public var identity: [String]?
    /// For a list: how to show each element.
    public var elements: ValueDisplay? {
        get { boxedElements?.value }
        set { boxedElements = newValue.map(Indirect.init) }
    }
    private var boxedElements: Indirect<ValueDisplay>?
    /// For an object: its keys in the order the schema declares them.
    public var keys: [String]?
    /// For an object: how to show the keys that need more than the plain form.
    public var attributes: [String: ValueDisplay]?

    public init(format: String? = nil, identity: [String]? = nil, elements: ValueDisplay? = nil,
                keys: [String]? = nil, attributes: [String: ValueDisplay]? = nil) {
        self.format = format
        self.identity = identity
        self.boxedElements = elements.map(Indirect.init)
        self.keys = keys
        self.attributes = attributes
    }

    enum CodingKeys: String, CodingKey {
        case format, identity, keys, attributes
        case boxedElements = "elements"
    }

    public static let timeFormat = "time"

    /// How to show the value under `key` of an object shown with this display.
    public func attribute(_ key: String) -> ValueDisplay? {
        attributes?[key]
    }

    /// The displays of a type's attributes that need one; empty when none does.
    public static func of(_ schema: ObjectSchema) -> [String: ValueDisplay] {
        var displays: [String: ValueDisplay] = [:]
        for attribute in schema.attributes {
            if let display = of(attribute.type, identity: attribute.identity) { displays[attribute.name] = display }
        }
        return displays
    }

    /// The display of a value of `type`, or nil when its plain form is all there is to show.
    static func of(_ type: ValueType, identity: [String]? = nil) -> ValueDisplay? {
        switch type {
        case .time:
            return ValueDisplay(format: timeFormat)
        case .list(let element):
            let elements = of(element)
            guard elements != nil || identity != nil else { return nil }
            return ValueDisplay(identity: identity, elements: elements)
        case .object(let schema):
            let attributes = of(schema)
            return ValueDisplay(keys: schema.attributes.map(\.name), attributes: attributes.isEmpty ? nil : attributes)
        case .oneOf(let types):
            // A value may take any of the shapes; the first that needs a display gives it.
            return types.lazy.compactMap { of($0, identity: identity) }.first
        case .string, .int, .number, .bool, .path, .map, .any:
            return nil
        }
    }
}

/// A value held by reference, so that a struct may contain one of its own kind; it reads and
/// writes as the value itself.
final class Indirect<Wrapped: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    let value: Wrapped

    init(_ value: Wrapped) {
        self.value = value
    }

    init(from decoder: Decoder) throws {
        value = try Wrapped(from: decoder)
    }

    func encode(to encoder: Encoder) throws {
        try value.encode(to: encoder)
    }

    static func == (a: Indirect, b: Indirect) -> Bool { a.value == b.value }
}
