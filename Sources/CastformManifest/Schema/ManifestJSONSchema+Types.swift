import CastformCore

/// Attributes and value types as JSON Schema keywords.
extension ManifestJSONSchema {
    /// An object of attributes: each by its name and aliases, the required ones required (by
    /// any of their names), nothing else allowed but `extra`.
    static func object(_ schema: ObjectSchema, extra: [String: Value]) -> Value {
        var properties = extra
        var required: [Value] = []
        for attribute in schema.attributes {
            var property = typed(attribute.type, constraints: attribute.constraints)
            if case .object(var fields) = property, !attribute.summary.isEmpty {
                fields["description"] = .string(attribute.summary)
                property = .object(fields)
            }
            for name in [attribute.name] + attribute.aliases { properties[name] = property }
            if attribute.presence == .required {
                let names = [attribute.name] + attribute.aliases
                required.append(names.count == 1 ? .object(["required": .list([.string(attribute.name)])])
                                : .object(["anyOf": .list(names.map { .object(["required": .list([.string($0)])]) })]))
            }
        }
        var fields: [String: Value] = ["type": .string("object"), "properties": .object(properties), "additionalProperties": .bool(false)]
        if !required.isEmpty { fields["allOf"] = .list(required) }
        return anyOfTemplate(.object(fields))
    }

    /// A value of `type` within `constraints`, or a template.
    static func typed(_ type: ValueType, constraints: [Constraint]) -> Value {
        var fields: [String: Value]
        switch type {
        case .string, .path: fields = ["type": .string("string")]
        case .int: fields = ["type": .string("integer")]
        case .number: fields = ["type": .string("number")]
        case .bool: fields = ["type": .string("boolean")]
        case .time:
            return .object(["anyOf": .list([.object(["type": .string("integer"), "minimum": .int(0)]),
                                            .object(["type": .string("string"), "pattern": .string("^(\\d+:)?\\d{1,2}:\\d{2}$|^\\d+$|\\$\\{")])])])
        case .list(let element):
            // A list's constraints other than its length apply to each element, as validation checks them.
            let (own, items) = (constraints.filter(\.isListLength), constraints.filter { !$0.isListLength })
            fields = ["type": .string("array"), "items": typed(element, constraints: items)]
            for constraint in own { fields.merge(keywords(constraint, for: type)) { $1 } }
            return anyOfTemplate(.object(fields))
        case .map(let element): fields = ["type": .string("object"), "additionalProperties": typed(element, constraints: [])]
        case .object(let schema): return object(schema, extra: [:])
        case .any: return .object([:])
        case .oneOf(let types): return .object(["anyOf": .list(types.map { typed($0, constraints: constraints) })])
        }
        for constraint in constraints { fields.merge(keywords(constraint, for: type)) { $1 } }
        if fields["type"] == .string("string"), fields.count == 1 { return .object(fields) }
        return anyOfTemplate(.object(fields))
    }

    private static func anyOfTemplate(_ schema: Value) -> Value {
        .object(["anyOf": .list([schema, ref("template")])])
    }

    private static func keywords(_ constraint: Constraint, for type: ValueType) -> [String: Value] {
        switch constraint {
        case .range(let min, let max):
            let number = { (value: Double) -> Value in value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .number(value) }
            return [:].merging([("minimum", min.map(number)), ("maximum", max.map(number))].compactMap { key, value in value.map { (key, $0) } }) { $1 }
        case .length(let min, let max):
            return [:].merging([("minLength", min), ("maxLength", max)].compactMap { key, value in value.map { (key, Value.int($0)) } }) { $1 }
        case .maxItems(let count): return ["maxItems": .int(count)]
        case .oneOf(let values): return ["enum": .list(values.map(Value.string))]
        case .utcTimestamp: return ["pattern": .string("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$")]
        case .urlScheme, .file, .uniqueItems, .reservedValues, .increasing: return [:]
        }
    }
}

private extension Constraint {
    var isListLength: Bool {
        if case .maxItems = self { return true }
        return false
    }
}
