import CastformCore
import CastformManifest
import CastformState

/// Declared resources, dependencies first: each evaluated against the values known so far
/// and compared with what exists.
extension PlanRun {
    mutating func planDeclared() async {
        for address in order.topological() {
            guard let declaration = declarations[address], let schema = planner.providers.schema(for: address) else { continue }
            let desired = evaluation.of(declaration, schema: schema) { [known] in known[$0] }
            if inScope(address) { diagnostics += Planner.fileProblems(declaration, schema: schema, desired: desired, workspace: workspace) }
            let dependencies = order.edges.dependencies(of: address)
            if address.mode == .data {
                let (change, values, problems) = await planner.read(address, schema: schema, arguments: desired,
                                                                     dependencies: dependencies, hasher: hasher)
                // A provider cannot know where the data source is declared: its problems
                // without a place are placed at the declaration.
                diagnostics += problems.map { problem in
                    var problem = problem
                    if problem.location == nil { problem.location = declaration.location }
                    return problem
                }
                known[address] = values
                changes.append(change)
            } else {
                changes.append(managedChange(declaration, schema: schema, desired: desired, dependencies: dependencies))
            }
        }
    }

    /// One managed resource's change, with what it tells the rest of the plan (its values)
    /// and the problems it raises where the plan touches it.
    private mutating func managedChange(_ declaration: ResourceDeclaration, schema: ResourceTypeSchema, desired: [String: Value],
                                        dependencies: [ResourceAddress]) -> ResourceChange {
        let address = declaration.address
        let prior = existing[address].map { Planner.prior($0, state: state.resource(address), schema: schema) }
        var change = planner.diff(declaration, schema: schema, desired: desired, prior: prior, remoteID: existing[address]?.id,
                                  dependencies: dependencies, hasher: hasher)
        let makesNew = change.kind == .create || change.kind.isReplace
        known[address] = makesNew ? Planner.withUnknownComputed(desired, schema: schema) : (prior ?? [:]).merging(desired) { $1 }
        if makesNew, inScope(address) {
            diagnostics += Planner.missingToCreate(declaration, schema: schema, desired: desired)
        }
        if declaration.lifecycle.preventDestroy, change.kind.isReplace, inScope(address) {
            diagnostics.append(.error("\(address) has lifecycle.prevent_destroy set, but this plan would replace it (\(change.replacedBecause.joined(separator: ", ")) cannot change in place); remove prevent_destroy to allow it", at: declaration.location))
        }
        markAdoption(&change)
        change.deposed = state.resource(address)?.deposed ?? []
        Planner.recordLifecycle(&change, declared: Planner.lifecycle(declaration, schema: schema),
                                recorded: state.resource(address)?.lifecycle, schema: schema)
        return change
    }

    /// An object that exists but that state does not hold: found by recovery (a create whose
    /// answer was lost: recorded, not made again) or by the twin search (imported).
    private func markAdoption(_ change: inout ResourceChange) {
        let address = change.address
        guard let id = existing[address]?.id, state.resource(address)?.id == nil else { return }
        if let twin = imports[address] {
            change.importing = ResourceChange.Importing(id: id, reason: twin.reason)
        } else {
            change.actionReason = change.actionReason ?? .adoptAfterLostResponse
        }
        change.remoteID = id
        change.adoptedPrivateData = existing[address].map { hasher.redact($0.privateData) }
    }
}
