import CastformCore
import CastformHTTP
import Foundation

/// The one mapping between a service's JSON (`JSONValue`, as CastformHTTP reads it) and the
/// values castform compares and stores (`Value`). Never through `Value`'s own `Codable`, which
/// is the state file's codec: there `{"unknown": true}` and `{"sensitive": …}` are markers, and
/// a service's object with such keys (a stream's user tags) would be read as one.
extension Value {
    /// A service's JSON as a value: whole numbers that fit an `Int` are integers.
    init(wire json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .number(let number):
            if number == number.rounded(), abs(number) < 9.007_199_254_740_992e15 { self = .int(Int(number)) } else { self = .number(number) }
        case .string(let text): self = .string(text)
        case .array(let items): self = .list(items.map(Value.init(wire:)))
        case .object(let members): self = .object(members.mapValues(Value.init(wire:)))
        }
    }
}

extension JSONValue {
    /// A value as the service's JSON; secrets unmarked (only ever sent, never printed), and
    /// what has no JSON form (an unknown) as null.
    init(wire value: Value) {
        switch value.unmarked {
        case .null, .unknown, .sensitive: self = .null
        case .bool(let bool): self = .bool(bool)
        case .int(let int): self = .number(Double(int))
        case .number(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .list(let items): self = .array(items.map(JSONValue.init(wire:)))
        case .object(let fields): self = .object(fields.mapValues(JSONValue.init(wire:)))
        }
    }
}
