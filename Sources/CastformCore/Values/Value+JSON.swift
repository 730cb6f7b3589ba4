import CastformJSON
/// Values in JSON (state files, plan files): the natural JSON form, plus two marked forms.
///
/// `.unknown` is written `{"unknown": true}`. `.sensitive` is written `{"sensitive": HASH}` and
/// only ever with a hash inside: anything else (a clear secret that slipped through) is
/// written as `{"sensitive": null}`, so no code path can put a secret into a file by accident.
extension Value: Codable {
    public static let hashPrefix = "hmac-sha256:"

    private struct MarkerKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .int(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .number(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .string(let value):
            var container = encoder.singleValueContainer()
            try container.encode(value)
        case .list(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let fields):
            var container = encoder.container(keyedBy: MarkerKey.self)
            for key in fields.keys.sorted() { try container.encode(fields[key]!, forKey: MarkerKey(stringValue: key)) }
        case .unknown:
            var container = encoder.container(keyedBy: MarkerKey.self)
            try container.encode(true, forKey: MarkerKey(stringValue: "unknown"))
        case .sensitive(let inner):
            var container = encoder.container(keyedBy: MarkerKey.self)
            if case .string(let hash) = inner, hash.hasPrefix(Value.hashPrefix) {
                try container.encode(hash, forKey: MarkerKey(stringValue: "sensitive"))
            } else {
                try container.encodeNil(forKey: MarkerKey(stringValue: "sensitive"))
            }
        }
    }

    public init(from decoder: Decoder) throws {
        // castform's own files are read with JSONValueDecoder: take the parsed node as it is
        // instead of decoding by trial (see CastformJSON).
        if let node = decoder as? JSONValueDecoder.Node {
            self = Value(stateJSON: node.value)
            return
        }
        if let container = try? decoder.container(keyedBy: MarkerKey.self) {
            let keys = container.allKeys.map(\.stringValue)
            if keys == ["unknown"], (try? container.decode(Bool.self, forKey: MarkerKey(stringValue: "unknown"))) == true {
                self = .unknown
                return
            }
            if keys == ["sensitive"] {
                let hash = try? container.decode(String.self, forKey: MarkerKey(stringValue: "sensitive"))
                self = .sensitive(hash.map(Value.string) ?? .unknown)
                return
            }
            var fields: [String: Value] = [:]
            for key in container.allKeys { fields[key.stringValue] = try container.decode(Value.self, forKey: key) }
            self = .object(fields)
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var items: [Value] = []
            while !container.isAtEnd { items.append(try container.decode(Value.self)) }
            self = .list(items)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let bool = try? container.decode(Bool.self) { self = .bool(bool) }
        else if let int = try? container.decode(Int.self) { self = .int(int) }
        else if let number = try? container.decode(Double.self) { self = .number(number) }
        else { self = .string(try container.decode(String.self)) }
    }
}

extension Value {
    /// A value as state and plan files write it: `{"unknown": true}` and `{"sensitive": ...}`
    /// are the marked forms; whole numbers are `.int`, as decoding by trial made them.
    public init(stateJSON json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let number):
            self = number == number.rounded() && abs(number) < 9.2e18 ? .int(Int(number)) : .number(number)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .list(elements.map(Value.init(stateJSON:)))
        case .object(let members):
            if members.count == 1, let marker = members["unknown"], marker == .bool(true) {
                self = .unknown
            } else if members.count == 1, let marker = members["sensitive"] {
                self = .sensitive(marker.string.map(Value.string) ?? .unknown)
            } else {
                self = .object(members.mapValues(Value.init(stateJSON:)))
            }
        }
    }

    /// Equality as a diff sees it: numbers by value (600 and 600.0 are the same).
    public func isEquivalent(to other: Value) -> Bool {
        switch (self, other) {
        case let (.int(a), .number(b)), let (.number(b), .int(a)): return Double(a) == b
        case let (.list(a), .list(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.isEquivalent(to: $1) }
        case let (.object(a), .object(b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { value.isEquivalent(to: $0) } ?? false }
        case let (.sensitive(a), .sensitive(b)): return a.isEquivalent(to: b)
        default: return self == other
        }
    }

    public subscript(key: String) -> Value? {
        switch self {
        case .object(let fields): return fields[key]
        case .sensitive(let inner): return inner[key].map { .sensitive($0) }
        default: return nil
        }
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
