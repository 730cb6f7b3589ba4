import CastformCore
import CastformManifest

extension Planner {
    /// Creation inputs a manifest may leave out only while the object exists (an imported
    /// show's audio): a plan that has to create the object needs them.
    static func missingToCreate(_ declaration: ResourceDeclaration, schema: ResourceTypeSchema, desired: [String: Value]) -> [Diagnostic] {
        schema.body.attributes.filter { $0.presence == .requiredToCreate && (desired[$0.name] ?? .null) == .null }.map { attribute in
            .error("\(declaration.address) has no \(attribute.name), which is needed to create it (it is not in state, or must be replaced): add \(attribute.name) to its manifest", at: declaration.location)
        }
    }

    /// Words for an update that only starts recording a creation input state never had.
    static func recordedInputsNote(_ changed: [String], schema: ResourceTypeSchema, prior: [String: Value]) -> String? {
        let recorded = changed.filter { schema.body.attribute(named: $0)?.presence == .requiredToCreate && (prior[$0] ?? .null) == .null }
        guard !recorded.isEmpty else { return nil }
        return "\(recorded.joined(separator: ", ")) will be recorded as declared, without being sent (the object already exists)"
    }
}
