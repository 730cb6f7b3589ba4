import CastformCore
import CastformManifest

/// The manifests as apply needs them: each declaration's values, evaluated when its step runs
/// (references then see what the run has created), exactly as the planner evaluated them
/// (`DesiredValues`). The executor sees only this, never the manifests themselves.
public struct DeclaredValues: Sendable {
    private let declarations: [ResourceAddress: ResourceDeclaration]
    private let evaluation: DesiredValues

    public init(workspace: Workspace, environment: [String: String]) {
        declarations = workspace.declarationsByAddress
        evaluation = DesiredValues(environment: environment, variables: workspace.config.variables)
    }

    /// The resources `address`'s values refer to, whose values it needs first.
    public func references(of address: ResourceAddress) -> [ResourceAddress] {
        guard let declaration = declarations[address.declaration] else { return [] }
        return (declaration.body.references + (declaration.forEach?.collection.references ?? [])).compactMap { reference, _ in
            if case .resource(let target, _) = reference { return target }
            return nil
        }
    }

    /// The values of `address` given what is known of the resources it refers to; empty for
    /// an address the manifests no longer declare (or an instance whose key is gone).
    public func values(of address: ResourceAddress, schema: ResourceTypeSchema,
                       known: [ResourceAddress: [String: Value]]) -> [String: Value] {
        guard let declaration = declarations[address.declaration] else { return [:] }
        return evaluation.of(address, declaration: declaration, schema: schema) { known[$0] } ?? [:]
    }
}
