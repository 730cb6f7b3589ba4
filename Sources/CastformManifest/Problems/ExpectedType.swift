import CastformCore

/// An attribute's type as a problem names it: `ValueType` without the schemas of its objects,
/// which hold a provider's rules (closures) and so cannot be compared.
public indirect enum ExpectedType: Sendable, Hashable {
    case string, int, number, bool, time, path, map, object, any
    case list(ExpectedType)
    case oneOf([ExpectedType])

    public init(_ type: ValueType) {
        switch type {
        case .string: self = .string
        case .int: self = .int
        case .number: self = .number
        case .bool: self = .bool
        case .time: self = .time
        case .path: self = .path
        case .map: self = .map
        case .object: self = .object
        case .any: self = .any
        case .list(let element): self = .list(ExpectedType(element))
        case .oneOf(let types): self = .oneOf(types.map(ExpectedType.init))
        }
    }
}
