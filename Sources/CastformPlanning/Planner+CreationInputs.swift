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
}
