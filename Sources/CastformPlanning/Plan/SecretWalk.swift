import CastformCore

/// Written values walked with their schema, to find what in them is secret.
enum SecretWalk {
    /// Whether the value sets an attribute its schema marks sensitive, at any depth.
    static func holdsSecret(_ value: ConfigValue, as type: ValueType) -> Bool {
        secrets(in: value, as: type).contains { if case .null = $0.kind { false } else { true } }
    }

    /// The references written into attributes the schema marks sensitive, at any depth.
    static func referencesInSecrets(_ value: ConfigValue, as type: ValueType) -> [Reference] {
        secrets(in: value, as: type).flatMap { $0.references.map(\.reference) }
    }

    /// The values written for sensitive attributes, at any depth.
    static func secrets(in value: ConfigValue, as type: ValueType) -> [ConfigValue] {
        switch (type, value.kind) {
        case (.object(let schema), .object(let fields)):
            return fields.flatMap { field -> [ConfigValue] in
                guard let attribute = schema.attribute(named: field.name) else { return [] }
                return attribute.sensitive ? [field.value] : secrets(in: field.value, as: attribute.type)
            }
        case (.list(let element), .list(let items)):
            return items.flatMap { secrets(in: $0, as: element) }
        case (.map(let element), .object(let fields)):
            return fields.flatMap { secrets(in: $0.value, as: element) }
        case (.oneOf(let types), _):
            return types.flatMap { secrets(in: value, as: $0) }
        default:
            return []
        }
    }
}

extension Value {
    /// The value with every part its schema marks sensitive marked `.sensitive`, at any depth.
    ///
    /// The planner marks what came from a secret (`${env.X}`); an attribute the schema calls
    /// sensitive (a URL holding a key, a shared secret) is a secret however it was written, and
    /// the document must not show it either.
    func markingSensitive(as type: ValueType) -> Value {
        // Most types hold no secret anywhere: looking at the schema is far cheaper than
        // rebuilding the value (once per object a plan evaluates).
        guard type.canHoldSensitive else { return self }
        switch (type, self) {
        case (_, .sensitive), (_, .unknown), (_, .null):
            return self
        case (.object(let schema), .object(let fields)):
            var marked: [String: Value] = [:]
            for (key, value) in fields {
                guard let attribute = schema.attribute(named: key) else {
                    marked[key] = value
                    continue
                }
                marked[key] = attribute.sensitive && value != .null && !value.containsUnknown
                    ? .sensitive(value) : value.markingSensitive(as: attribute.type)
            }
            return .object(marked)
        case (.list(let element), .list(let items)):
            return .list(items.map { $0.markingSensitive(as: element) })
        case (.map(let element), .object(let fields)):
            return .object(fields.mapValues { $0.markingSensitive(as: element) })
        case (.oneOf(let types), _):
            // The first shape the value has: an object's schema for an object, a list's for a list.
            let fitting = types.first { candidate in
                switch (candidate, self) {
                case (.object, .object), (.map, .object), (.list, .list): return true
                default: return false
                }
            }
            return fitting.map { markingSensitive(as: $0) } ?? self
        default:
            return self
        }
    }
}
