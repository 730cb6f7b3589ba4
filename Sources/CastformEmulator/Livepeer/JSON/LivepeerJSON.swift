import Foundation

/// A JSON value that keeps the order of object members, as a JavaScript object does.
///
/// The Livepeer server is Node: it answers with objects whose keys come in insertion order, it
/// reports the *first* unknown key of a body, and it echoes free-form fields (`userTags`,
/// `webhookContext`, `pull.headers`) as they were sent. A `[String: Any]` would lose all three,
/// so request bodies are parsed into this type and responses are written from it.
public enum LivepeerJSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([LivepeerJSON])
    case object([Member])

    /// One `"key": value` pair of an object, in the order it was written.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: LivepeerJSON

        public init(_ key: String, _ value: LivepeerJSON) {
            self.key = key
            self.value = value
        }
    }

    /// The value of `key` when this is an object that has it; `nil` when absent (a JSON `null`
    /// member is `.null`, not `nil`, because the server treats the two differently).
    public subscript(key: String) -> LivepeerJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var numberValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var arrayValue: [LivepeerJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    public var members: [Member]? {
        if case .object(let value) = self { return value }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// JavaScript truthiness, which the server's `if (payload.x)` checks use.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .number(let value): return value != 0 && !value.isNaN
        case .string(let value): return !value.isEmpty
        case .array, .object: return true
        }
    }

    /// An object built from pairs, skipping `nil` values (JavaScript's `undefined`, which
    /// `JSON.stringify` leaves out).
    static func fields(_ pairs: KeyValuePairs<String, LivepeerJSON?>) -> LivepeerJSON {
        .object(pairs.compactMap { key, value in value.map { Member(key, $0) } })
    }

    /// `{...self, ...other}`: keys of `other` replace those of `self` in place; new keys go last.
    func merging(_ other: LivepeerJSON) -> LivepeerJSON {
        guard case .object(var mine) = self, case .object(let theirs) = other else { return other }
        for member in theirs {
            if let index = mine.firstIndex(where: { $0.key == member.key }) {
                mine[index].value = member.value
            } else {
                mine.append(member)
            }
        }
        return .object(mine)
    }
}

extension LivepeerJSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension LivepeerJSON {
    init(_ value: Int) { self = .number(Double(value)) }
    init(_ value: Int64) { self = .number(Double(value)) }
    init(_ value: String) { self = .string(value) }
    init(_ values: [String]) { self = .array(values.map { .string($0) }) }
}

/// Persisted as its JSON text, so member order survives a restart of the emulator (a keyed
/// container would hand the keys back in any order).
extension LivepeerJSON: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try LivepeerJSONParser.parse(Data(text.utf8))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(LivepeerJSONWriter.string(self))
    }
}
