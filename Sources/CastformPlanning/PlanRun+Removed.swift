import CastformCore
import CastformManifest
import CastformState

/// What state has that the manifests no longer declare (or everything, to destroy).
extension PlanRun {
    mutating func planRemoved() {
        let resources = state.resources
        // By position, looking at the address alone first: most of 10,000 objects are planned.
        for index in resources.indices.reversed() where resources[index].address.mode == .managed {
            guard options.destroy || !planned.contains(resources[index].address) else { continue }
            let resource = resources[index]
            // An instance whose key is gone is removed as its declaration now says.
            let declaration = declarations[resource.address.declaration]
            if abandoned.contains(resource.address) || (remote(resource.address) == nil && resource.id == nil) {
                changes.append(neverCreated(resource))
            } else {
                changes.append(removal(resource, declaration: declaration))
            }
        }
    }

    /// A create that never happened: nothing to take down; apply forgets it (and takes down
    /// what it was replacing, if anything).
    private func neverCreated(_ resource: ResourceState) -> ResourceChange {
        var change = ResourceChange(address: resource.address, provider: resource.provider, kind: .forget,
                                    before: [:], actionReason: .forgetNeverCreated)
        change.deposed = resource.deposed ?? []
        change.lifecycle = resource.lifecycle
        return change
    }

    /// Taking an object down as its lifecycle options say: those it was last applied with,
    /// unless a declaration still says (`castform destroy` of a declared resource).
    private mutating func removal(_ resource: ResourceState, declaration: ResourceDeclaration?) -> ResourceChange {
        let schema = planner.providers.schema(for: resource.address)
        let lifecycle = schema.flatMap { schema in declaration.flatMap { Planner.lifecycle($0, schema: schema) } } ?? resource.lifecycle
        let removal = schema?.removal(lifecycle) ?? .destroy
        if let declaration, declaration.lifecycle.preventDestroy, !removal.forgets, inScope(resource.address) {
            diagnostics.append(.error("\(resource.address) has lifecycle.prevent_destroy set, but this plan would destroy it; remove prevent_destroy to allow it", at: declaration.location))
        }
        var change = ResourceChange(
            address: resource.address, provider: resource.provider, kind: removal.forgets ? .forget : .delete,
            before: hasher.redact(remote(resource.address)?.attributes ?? resource.attributes),
            actionReason: options.destroy ? nil : Self.removalReason(resource.address, declaration: declaration),
            note: removal.isDestroy ? nil : removal.description,
            remoteID: remote(resource.address)?.id ?? resource.id, dependencies: resource.dependencies)
        change.deposed = resource.deposed ?? []
        change.lifecycle = lifecycle
        return change
    }

    /// Terraform's reasons: the declaration is gone, or only this instance's key, or the
    /// declaration gained or lost its `for_each` (without a `moved` entry).
    static func removalReason(_ address: ResourceAddress, declaration: ResourceDeclaration?) -> ActionReason {
        guard let declaration else { return .deleteBecauseNoResourceConfig }
        if address.key != nil, declaration.forEach != nil { return .deleteBecauseEachKey }
        return .deleteBecauseWrongRepetition
    }
}
