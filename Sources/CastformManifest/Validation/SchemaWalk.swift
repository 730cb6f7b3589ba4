import CastformCore

/// Visits every value of a decoded object together with the schema that describes it, so rules
/// about attributes and about objects need not each know how to recurse.
struct SchemaWalk {
    var attribute: (ConfigValue, Attribute) -> Void = { _, _ in }
    var object: (ConfigValue, ObjectSchema) -> Void = { _, _ in }
    /// Only values with `${...}` somewhere (for rules about templates): the rest of 10,000
    /// declarations is not visited at all.
    var onlyTemplates = false
    /// Only objects whose schema has rules, and what leads to them (for rules about objects):
    /// a show's title, tags and description are not visited to reach its tracks.
    var onlyRuled = false

    func walk(_ value: ConfigValue, _ schema: ObjectSchema) {
        if onlyTemplates && !value.hasTemplate { return }
        if onlyRuled {
            guard schema.holdsRules else { return }
            object(value, schema)
            for attribute in schema.ruledAttributes {
                if let field = value.field(attribute.name) { walk(field.value, type: attribute.type) }
            }
            return
        }
        object(value, schema)
        for field in value.fields where !onlyTemplates || field.value.hasTemplate {
            guard let attribute = schema.attribute(named: field.name) else { continue }
            self.attribute(field.value, attribute)
            walk(field.value, type: attribute.type)
        }
    }

    /// Visits the objects inside `value`, a value of `type` (not `value` itself as an attribute).
    func walk(_ value: ConfigValue, type: ValueType) {
        switch (type, value.kind) {
        case (.object(let schema), .object):
            walk(value, schema)
        case (.list(let element), .list(let items)):
            for item in items { walk(item, type: element) }
        case (.map(let element), .object(let fields)):
            for field in fields { walk(field.value, type: element) }
        case (.oneOf(let types), _):
            if let type = types.first(where: { Self.matches(value, $0) }) { walk(value, type: type) }
        default:
            break
        }
    }

    static func matches(_ value: ConfigValue, _ type: ValueType) -> Bool {
        switch (type, value.kind) {
        case (.object, .object), (.map, .object), (.list, .list): return true
        default: return false
        }
    }
}
