import CastformCore

/// Whether a value substituted by `${...}` has the type its attribute takes.
///
/// A literal in a manifest is decoded against its attribute's type; a value substituted
/// whole (`title: "${var.x}"`) is not decoded at all, so without this check a mapping would
/// be sent as a show's title, after its audio was uploaded.
enum TypeConformance {
    /// Whether `value` can stand where `type` is expected. Values not known yet conform: they
    /// are judged once known.
    static func conforms(_ value: Value, to type: ValueType) -> Bool {
        switch (type, value) {
        case (_, .unknown), (.any, _): return true
        case (_, .sensitive(let inner)): return conforms(inner, to: type)
        case (.oneOf(let types), _): return types.contains { conforms(value, to: $0) }
        case (.string, .string), (.path, .string), (.bool, .bool), (.int, .int), (.number, .int), (.number, .number):
            return true
        case (.time, .int(let seconds)): return seconds >= 0
        case (.list(let element), .list(let items)): return items.allSatisfy { conforms($0, to: element) }
        case (.map(let element), .object(let fields)): return fields.values.allSatisfy { conforms($0, to: element) }
        case (.object, .object): return true
        default: return false
        }
    }

    /// Whether an attribute of type `source` (another resource's) can stand where `target` is
    /// expected. Only clear mismatches fail: `any` and `oneOf` could be anything.
    static func accepts(_ target: ValueType, _ source: ValueType) -> Bool {
        switch (target, source) {
        case (.any, _), (_, .any), (_, .oneOf): return true
        case (.oneOf(let types), _): return types.contains { accepts($0, source) }
        case (.string, .string), (.string, .path), (.path, .string), (.path, .path), (.bool, .bool),
             (.int, .int), (.int, .time), (.time, .int), (.time, .time),
             (.number, .int), (.number, .number), (.number, .time),
             (.object, .object), (.object, .map), (.map, .object):
            return true
        case (.list(let a), .list(let b)), (.map(let a), .map(let b)): return accepts(a, b)
        default: return false
        }
    }

    /// Whether the value is one number, string or boolean (what quoting would make text).
    static func isScalar(_ value: Value) -> Bool {
        switch value.unmarked {
        case .bool, .int, .number, .string: return true
        default: return false
        }
    }

    /// Whether a value of `type` reads as text inside a string (`"Show #${var.n}"`).
    static func isText(_ type: ValueType) -> Bool {
        switch type {
        case .string, .path, .int, .number, .bool, .time, .any, .oneOf: return true
        case .list, .map, .object: return false
        }
    }
}

extension Template {
    /// Whether validation can know the value: every `${...}` in it names a variable.
    /// Environment values (secrets, and maybe unset in CI) and other resources' attributes
    /// are known only when planning.
    public var isKnownAtValidation: Bool {
        references.allSatisfy { if case .variable = $0.reference { return true }; return false }
    }
}

extension ConfigValue {
    /// A value known now, as if written at `location`: for checking a substituted value with
    /// the rules a written one meets. nil for what is not known yet or secret (a secret is
    /// never quoted in a message).
    init?(_ value: Value, at location: SourceLocation) {
        switch value {
        case .null: self.init(Kind.null, at: location)
        case .bool(let bool): self.init(Kind.bool(bool), at: location)
        case .int(let int): self.init(Kind.int(int), at: location)
        case .number(let number): self.init(Kind.number(number), at: location)
        case .string(let text): self.init(Kind.string(text), at: location)
        case .list(let items):
            let converted = items.compactMap { ConfigValue($0, at: location) }
            guard converted.count == items.count else { return nil }
            self.init(Kind.list(converted), at: location)
        case .object(let fields):
            let converted = fields.sorted { $0.key < $1.key }.compactMap { key, field in
                ConfigValue(field, at: location).map { ConfigValue.Field(name: key, location: location, value: $0) }
            }
            guard converted.count == fields.count else { return nil }
            self.init(Kind.object(converted), at: location)
        case .unknown, .sensitive: return nil
        }
    }
}
