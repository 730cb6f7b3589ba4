import CastformCore
import CastformManifest
import CastformState

/// Declared resources, dependencies first: each evaluated against the values known so far
/// and compared with what exists. A declaration with `for_each` is one object per instance,
/// its collection evaluated first (a data source it reads from was read before it).
extension PlanRun {
    mutating func planDeclared() async {
        for address in order.topological() {
            guard let declaration = declarations[address], let schema = planner.providers.schema(for: address) else { continue }
            guard let instances = instances(of: declaration) else { continue }
            for each in instances {
                let instance = each.map { address.instance($0.key) } ?? address
                if each != nil { instancesPlanned[address, default: []].append(instance) }
                await plan(instance, of: declaration, each: each, schema: schema)
            }
        }
    }

    /// The objects a declaration stands for: itself (`[nil]`), or one per key of its
    /// `for_each`. nil when the keys cannot be known; the problem is reported, and what state
    /// holds of the declaration is neither changed nor removed.
    private mutating func instances(of declaration: ResourceDeclaration) -> [EachInstance?]? {
        guard let result = evaluation.instances(of: declaration, lookup: { [known] in known[$0] }) else { return [nil] }
        switch result {
        case .success(let instances):
            return instances
        case .failure(let problem):
            if touches(declaration.address), let forEach = declaration.forEach {
                diagnostics.append(.manifest(.forEach(problem), at: forEach.location))
            }
            planned.formUnion(state.resources.map(\.address).filter { $0.declaration == declaration.address })
            return nil
        }
    }

    /// One object: a data source read, or a managed resource's change.
    private mutating func plan(_ address: ResourceAddress, of declaration: ResourceDeclaration, each: EachInstance?,
                               schema: ResourceTypeSchema) async {
        planned.insert(address)
        let desired = evaluation.of(declaration, schema: schema, each: each) { [known] in known[$0] }
        if inScope(address) { diagnostics += Planner.fileProblems(declaration, schema: schema, desired: desired, workspace: workspace) }
        // A dependency with `for_each` is all its instances (planned before this one).
        let dependencies = order.edges.dependencies(of: declaration.address).flatMap { instancesPlanned[$0] ?? [$0] }
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
            changes.append(managedChange(declaration, address: address, schema: schema, desired: desired, dependencies: dependencies))
        }
    }

    /// One managed resource's change, with what it tells the rest of the plan (its values)
    /// and the problems it raises where the plan touches it.
    private mutating func managedChange(_ declaration: ResourceDeclaration, address: ResourceAddress, schema: ResourceTypeSchema,
                                        desired: [String: Value], dependencies: [ResourceAddress]) -> ResourceChange {
        let prior = existing[address].map { Planner.prior($0, state: state.resource(address), schema: schema) }
        var change = planner.diff(declaration, address: address, schema: schema, desired: desired, prior: prior,
                                  remoteID: existing[address]?.id, dependencies: dependencies, hasher: hasher)
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
