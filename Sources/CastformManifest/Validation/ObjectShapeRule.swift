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
            guard !schema.rules.isEmpty, !context.isIncomplete(value) else { return }
            for rule in schema.rules { diagnostics += Self.check(rule, value) }
        }, onlyRuled: true)
        for (value, schema) in context.objects { walk.walk(value, schema) }
        return diagnostics
    }

    static func check(_ rule: ObjectRule, _ value: ConfigValue) -> [Diagnostic] {
        switch rule {
        case .exactlyOneOf(let keys):
            let present = value.fields.filter { keys.contains($0.name) }
            if present.isEmpty {
                return [.manifest(.shape(.noneOf(keys)), at: value.location)]
            }
            if present.count > 1 {
                return [.manifest(.shape(.moreThanOneOf(keys)), at: present[1].location)]
            }
            return []
        case .oneShapeOf(let shapes, let names):
            return shapeProblem(value, shapes: shapes, names: names).map { [.manifest(.shape($0), at: value.location)] } ?? []
        case .custom(let custom):
            return custom.check(value)
        }
    }

    /// The keys set must be exactly those of one shape: not none, not several, not part of one.
    static func shapeProblem(_ value: ConfigValue, shapes: [[String]], names: [String]) -> ShapeProblem? {
        // Most objects (every track of 10,000 shows) are exactly one shape: found on the few
        // keys as they are, without making sets. An object's keys are unique once decoded.
        let written = value.fields.lazy.map(\.name).filter { key in shapes.contains { $0.contains(key) } }
        let writtenCount = written.count
        if shapes.contains(where: { shape in shape.count == writtenCount && shape.allSatisfy(written.contains) }) { return nil }
        let relevant = Set(value.fields.map(\.name)).intersection(shapes.flatMap { $0 })
        if shapes.contains(where: { Set($0) == relevant }) { return nil }
        let touched = shapes.indices.filter { !Set(shapes[$0]).isDisjoint(with: relevant) }
        if touched.isEmpty { return .noShape(shapes: names) }
        if touched.count > 1 { return .mixedShapes(touched.map { names[$0] }) }
        let shape = shapes[touched[0]]
        return .incompleteShape(shape: names[touched[0]], keys: shape, missing: shape.filter { !relevant.contains($0) })
    }
}
