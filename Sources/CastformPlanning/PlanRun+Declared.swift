import CastformCore
import CastformManifest
import CastformState

/// Declared resources, dependencies first: each evaluated against the values known so far
/// and compared with what exists. A declaration with `for_each` is one object per instance,
/// its collection evaluated first (a data source it reads from was read before it).
///
/// Managed objects that do not depend on each other are planned side by side: the run
/// gathers them into a batch until one depends on a member, a data source comes (it is read
/// from the service, one at a time as before) or a `for_each` has to be evaluated, computes
/// each member's change on both cores (`managedOutcome` reads the run, changes nothing) and
/// then records the outcomes in order — the plan is the same as one object after another.
extension PlanRun {
    /// One managed object to plan.
    struct Pending: Sendable {
        let address: ResourceAddress
        let declaration: ResourceDeclaration
        let each: EachInstance?
        let schema: ResourceTypeSchema
        let dependencies: [ResourceAddress]
    }

    /// What planning one managed object yields, before it is added to the run.
    struct ManagedOutcome: Sendable {
        var change: ResourceChange
        /// nil when no declaration depends on the object.
        var known: [String: Value]?
        var diagnostics: [Diagnostic]
    }

    mutating func planDeclared() async {
        var batch: [Pending] = []
        var batched = Set<ResourceAddress>()
        for address in order.topological() {
            guard let declaration = declarations[address], let schema = planner.providers.schema(for: address) else { continue }
            let dependsOn = order.edges.dependencies(of: address)
            if address.mode == .data || declaration.forEach != nil || dependsOn.contains(where: batched.contains) {
                planBatch(&batch)
                batched.removeAll()
            }
            if declaration.forEach == nil {
                await enqueue(address, declaration: declaration, each: nil, schema: schema, dependsOn: dependsOn, batch: &batch)
            } else if let instances = instances(of: declaration) {
                for each in instances {
                    await enqueue(address, declaration: declaration, each: each, schema: schema, dependsOn: dependsOn, batch: &batch)
                }
            }
            // Only what something depends on can force a new batch.
            if address.mode == .managed, !dependedOn.isEmpty, dependedOn.contains(address) { batched.insert(address) }
        }
        planBatch(&batch)
    }

    /// One object of `address`'s declaration (`each`: which instance, nil for the declaration
    /// itself): a managed one joins the batch, a data source is read now.
    private mutating func enqueue(_ address: ResourceAddress, declaration: ResourceDeclaration, each: EachInstance?,
                                  schema: ResourceTypeSchema, dependsOn: [ResourceAddress], batch: inout [Pending]) async {
        let instance = each.map { address.instance($0.key) } ?? address
        if each != nil { instancesPlanned[address, default: []].append(instance) }
        planned.insert(instance)
        // A dependency with `for_each` is all its instances (planned before this one).
        let dependencies = dependsOn.isEmpty ? [] : dependsOn.flatMap { instancesPlanned[$0] ?? [$0] }
        let pending = Pending(address: instance, declaration: declaration, each: each, schema: schema, dependencies: dependencies)
        if address.mode == .data {
            await read(pending)
        } else {
            batch.append(pending)
        }
    }

    /// Plans the batch's objects (side by side when there are enough to pay for it) and
    /// records their outcomes in the batch's order; empties the batch.
    private mutating func planBatch(_ batch: inout [Pending]) {
        guard !batch.isEmpty else { return }
        let run = self
        var outcomes = batch.concurrentMap(minimumPerThread: 64) { run.managedOutcome($0) }
        changes.reserveCapacity(changes.count + outcomes.count)
        // Taken out of the array rather than copied: 10,000 changes are recorded here, in
        // order, by one thread.
        outcomes.reverse()
        var index = 0
        while let outcome = outcomes.popLast() {
            if let values = outcome.known { known[batch[index].address] = values }
            if !outcome.diagnostics.isEmpty { diagnostics += outcome.diagnostics }
            changes.append(outcome.change)
            index += 1
        }
        batch.removeAll(keepingCapacity: true)
    }

    /// The objects a declaration with `for_each` stands for: one per key. nil when the keys
    /// cannot be known; the problem is reported, and what state holds of the declaration is
    /// neither changed nor removed.
    private mutating func instances(of declaration: ResourceDeclaration) -> [EachInstance?]? {
        // (No `for_each` after all: the declaration itself.)
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

    /// A data source: read now, its values known to what comes after.
    private mutating func read(_ pending: Pending) async {
        let (address, declaration, schema) = (pending.address, pending.declaration, pending.schema)
        let desired = evaluation.of(declaration, schema: schema, each: pending.each) { [known] in known[$0] }
        if inScope(address) { diagnostics += Planner.fileProblems(declaration, schema: schema, desired: desired, workspace: workspace) }
        let (change, values, problems) = await planner.read(address, schema: schema, arguments: desired,
                                                             dependencies: pending.dependencies, hasher: hasher)
        // A provider cannot know where the data source is declared: its problems
        // without a place are placed at the declaration.
        diagnostics += problems.map { problem in
            var problem = problem
            if problem.location == nil { problem.location = declaration.location }
            return problem
        }
        known[address] = values
        changes.append(change)
    }

    /// One managed resource's change, with what it tells the rest of the plan (its values)
    /// and the problems it raises where the plan touches it. Reads the run only.
    func managedOutcome(_ pending: Pending) -> ManagedOutcome {
        let (address, declaration, schema) = (pending.address, pending.declaration, pending.schema)
        let desired = evaluation.of(declaration, schema: schema, each: pending.each) { [known] in known[$0] }
        var diagnostics: [Diagnostic] = []
        if inScope(address) { diagnostics += Planner.fileProblems(declaration, schema: schema, desired: desired, workspace: workspace) }
        // State's record, looked up once: a lookup hashes the address and copies the record.
        let recorded = state.resource(address)
        let remote = remote(address, recorded: recorded)
        let prior = remote.map { Planner.prior($0, state: recorded, schema: schema) }
        var change = planner.diff(declaration, address: address, schema: schema, desired: desired, prior: prior,
                                  remoteID: remote?.id, dependencies: pending.dependencies, hasher: hasher)
        let makesNew = change.kind == .create || change.kind.isReplace
        // Kept only where another declaration reads it: most objects of a large plan have no
        // dependents, and their values would be built and held for nothing.
        let known = dependedOn.isEmpty || !dependedOn.contains(declaration.address) ? nil
            : makesNew ? Planner.withUnknownComputed(desired, schema: schema) : (prior ?? [:]).merging(desired) { $1 }
        if makesNew, inScope(address) {
            diagnostics += Planner.missingToCreate(declaration, schema: schema, desired: desired)
        }
        if declaration.lifecycle.preventDestroy, change.kind.isReplace, inScope(address) {
            diagnostics.append(.error("\(address) has lifecycle.prevent_destroy set, but this plan would replace it (\(change.replacedBecause.joined(separator: ", ")) cannot change in place); remove prevent_destroy to allow it", at: declaration.location))
        }
        markAdoption(&change, recorded: recorded)
        change.deposed = recorded?.deposed ?? []
        Planner.recordLifecycle(&change, declared: Planner.lifecycle(declaration, schema: schema),
                                recorded: recorded?.lifecycle, schema: schema)
        return ManagedOutcome(change: change, known: known, diagnostics: diagnostics)
    }

    /// An object that exists but that state does not hold: found by recovery (a create whose
    /// answer was lost: recorded, not made again) or by the twin search (imported).
    private func markAdoption(_ change: inout ResourceChange, recorded: ResourceState?) {
        let address = change.address
        guard recorded?.id == nil, let id = existing[address]?.id else { return }
        if let twin = imports[address] {
            change.importing = ResourceChange.Importing(id: id, reason: twin.reason)
        } else {
            change.actionReason = change.actionReason ?? .adoptAfterLostResponse
        }
        change.remoteID = id
        change.adoptedPrivateData = existing[address].map { hasher.redact($0.privateData) }
    }
}
