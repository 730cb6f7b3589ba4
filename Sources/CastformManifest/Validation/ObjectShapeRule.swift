import CastformCore

/// Checks rules across an object's attributes: exactly one of `id`/`spec`, a track or a
/// chapter, and each provider's own rules.
///
/// An object that lost a value to a decoding error is not judged: the rules would see the
/// hole, and report as missing what was written wrong (and already reported).
struct ObjectShapeRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let walk = SchemaWalk(object: { value, schema in
            guard !context.isIncomplete(value) else { return }
            for rule in schema.rules { diagnostics += Self.check(rule, value) }
        })
        for (value, schema) in context.objects { walk.walk(value, schema) }
        return diagnostics
    }

    static func check(_ rule: ObjectRule, _ value: ConfigValue) -> [Diagnostic] {
        let set = value.fields.map(\.name)
        switch rule {
        case .exactlyOneOf(let keys):
            let present = value.fields.filter { keys.contains($0.name) }
            if present.isEmpty {
                return [.error("set one of " + quotedList(keys, joiner: "or"), at: value.location)]
            }
            if present.count > 1 {
                return [.error("set only one of " + quotedList(keys, joiner: "and"), at: present[1].location)]
            }
            return []
        case .oneShapeOf(let shapes, let names):
            let relevant = Set(set).intersection(shapes.flatMap { $0 })
            if shapes.contains(where: { Set($0) == relevant }) { return [] }
            let alternatives = names.joined(separator: " or ")
            let touched = shapes.indices.filter { !Set(shapes[$0]).isDisjoint(with: relevant) }
            if touched.isEmpty {
                return [.error("each item must be \(alternatives)", at: value.location)]
            }
            if touched.count > 1 {
                return [.error("this item mixes \(touched.map { names[$0] }.joined(separator: " and ")); write one or the other", at: value.location)]
            }
            let shape = shapes[touched[0]]
            let missing = shape.filter { !relevant.contains($0) }
            return [.error("missing \(quotedList(missing, joiner: "and")): \(names[touched[0]]) needs \(quotedList(shape, joiner: "and"))", at: value.location)]
        case .custom(let custom):
            return custom.check(value)
        }
    }

    static func quotedList(_ keys: [String], joiner: String) -> String {
        let quoted = keys.map { "\"\($0)\"" }
        return quoted.count <= 1 ? quoted.joined() : quoted.dropLast().joined(separator: ", ") + " \(joiner) " + quoted.last!
    }
}
