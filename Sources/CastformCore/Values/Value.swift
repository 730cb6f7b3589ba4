/// An evaluated value: what a manifest means once expressions are resolved, or what a service
/// returned.
///
/// `unknown` stands for a value not known until apply (another resource's id before it exists).
/// `sensitive` wraps a value that must never be shown or stored in clear; the mark travels with
/// the value from the moment it is read (every `env.*` value starts marked).
///
/// Only `sensitive` is `indirect`: a whole-enum `indirect` boxed every string and number on
/// the heap, and a plan of 11,000 objects holds millions of them.
public enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case list([Value])
    case object([String: Value])
    case unknown
    indirect case sensitive(Value)

    /// Whether the value or anything inside it is marked sensitive.
    public var containsSensitive: Bool {
        switch self {
        case .sensitive: return true
        case .list(let items): return items.contains { $0.containsSensitive }
        case .object(let fields): return fields.values.contains { $0.containsSensitive }
        default: return false
        }
    }

    /// Whether the value or anything inside it is not known yet.
    public var containsUnknown: Bool {
        switch self {
        case .unknown: return true
        case .sensitive(let inner): return inner.containsUnknown
        case .list(let items): return items.contains { $0.containsUnknown }
        case .object(let fields): return fields.values.contains { $0.containsUnknown }
        default: return false
        }
    }

    /// The value with every sensitive mark removed, for sending to a service.
    public var unmarked: Value {
        switch self {
        case .sensitive(let inner): return inner.unmarked
        case .list(let items): return .list(items.map(\.unmarked))
        case .object(let fields): return .object(fields.mapValues(\.unmarked))
        default: return self
        }
    }

    /// Text for interpolation into a string; nil for collections and unknowns.
    public var interpolationText: String? {
        switch self {
        case .null: return ""
        case .bool(let value): return String(value)
        case .int(let value): return String(value)
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .string(let value): return value
        case .sensitive(let inner): return inner.interpolationText
        case .list, .object, .unknown: return nil
        }
    }
}

extension Value {
    /// The value at `path` inside this one (`.key` into objects, `[i]` into lists): null where
    /// the path leads nowhere, unknown where it passes through something not known yet. A
    /// sensitive mark on the way stays on what is found.
    public func value(at path: some Collection<PathStep>) -> Value {
        var value = self
        for step in path {
            var sensitive = false
            if case .sensitive(let inner) = value { value = inner; sensitive = true }
            switch (step, value) {
            case (.attribute(let key), .object(let fields)): value = fields[key] ?? .null
            case (.index(let index), .list(let items)): value = index < items.count ? items[index] : .null
            case (_, .unknown): return sensitive ? .sensitive(.unknown) : .unknown
            default: return .null
            }
            if sensitive { value = .sensitive(value) }
        }
        return value
    }
}
