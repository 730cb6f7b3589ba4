import CastformCore
import YAML

/// What a value is, for a problem that says it is not what belongs there: a node as written,
/// or a value substituted by `${...}`.
public enum ValueKind: Sendable, Hashable {
    case null, bool, int, number, string, list, object, unknown

    public init(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool: self = .bool
        case .int: self = .int
        case .number: self = .number
        case .string: self = .string
        case .list: self = .list
        case .object: self = .object
        case .unknown: self = .unknown
        case .sensitive(let inner): self.init(inner)
        }
    }

    public init(_ kind: Node.Kind) {
        switch kind {
        case .null: self = .null
        case .bool: self = .bool
        case .int: self = .int
        case .float: self = .number
        case .string: self = .string
        case .sequence: self = .list
        case .mapping: self = .object
        }
    }
}

extension Node {
    /// What the node is, as problems name it.
    var valueKind: ValueKind { ValueKind(kind) }
}
