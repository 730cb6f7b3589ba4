import CastformCore
import CastformManifest
import CastformState

/// One planning, step by step (see `Planner.plan`), with what the steps learn as they go:
/// what exists, which creates were lost or never happened, which objects are twins to import,
/// the values known so far, the changes and the diagnostics.
struct PlanRun: Sendable {
    let planner: Planner
    let workspace: Workspace
    let state: StateSnapshot
    let options: PlanOptions
    let hasher: SecretHasher
    let evaluation: DesiredValues
    let order: WorkOrder
    /// The declarations another one depends on: only theirs are kept in `known`.
    let dependedOn: Set<ResourceAddress>
    let declarations: [ResourceAddress: ResourceDeclaration]
    /// With `--target`: the declarations targeted whole and what the targets depend on.
    /// Problems are reported only for what the plan touches.
    let wanted: Set<ResourceAddress>?
    /// With `--target`: the instances targeted one by one (`TYPE.NAME["KEY"]`).
    let wantedInstances: Set<ResourceAddress>
    /// Where each object that a `moved` entry moves was held in state.
    let previous: [ResourceAddress: ResourceAddress]

    var diagnostics: [Diagnostic] = []
    var existing: [ResourceAddress: RemoteObject] = [:]
    /// Pending creates that turned out never to have happened.
    var abandoned = Set<ResourceAddress>()
    var imports: [ResourceAddress: Twin] = [:]
    var requests = 0
    var known: [ResourceAddress: [String: Value]] = [:]
    var changes: [ResourceChange] = []
    /// Every object the manifests declare, as planned so far (instances by their keys): what
    /// state has besides these is removed.
    var planned = Set<ResourceAddress>()
    /// The instances planned of each declaration with `for_each`.
    var instancesPlanned: [ResourceAddress: [ResourceAddress]] = [:]

    init(planner: Planner, workspace: Workspace, state: StateSnapshot, options: PlanOptions) {
        let moves = StateMoves(workspace.moves, state: state)
        self.planner = planner
        self.workspace = workspace
        self.state = moves.state
        previous = moves.previous
        diagnostics = moves.diagnostics
        self.options = options
        hasher = SecretHasher(lineage: state.lineage)
        evaluation = DesiredValues(environment: planner.environment, variables: workspace.config.variables)
        order = WorkOrder(workspace)
        dependedOn = order.edges.hasEdges ? Set(order.edges.edges.values.lazy.flatMap { $0.map(\.to) }) : []
        declarations = workspace.declarationsByAddress
        let whole = options.targets.filter { $0.key == nil }
        let instances = options.targets.filter { $0.key != nil }
        wantedInstances = Set(instances)
        let edges = self.order.edges
        let dependencies = instances.flatMap { edges.dependencies(of: $0.declaration) }
        wanted = options.targets.isEmpty ? nil : self.order.closure(of: whole).union(self.order.closure(of: dependencies))
    }

    /// Whether the plan touches `address` (an instance is touched with its declaration).
    func inScope(_ address: ResourceAddress) -> Bool {
        guard let wanted else { return true }
        return wanted.contains(address.declaration) || wantedInstances.contains(address)
    }

    /// Whether the plan touches the declaration itself or one of its instances.
    func touches(_ declaration: ResourceAddress) -> Bool {
        inScope(declaration) || wantedInstances.contains { $0.declaration == declaration }
    }

    var stopped: PlanResult { PlanResult(plan: nil, diagnostics: diagnostics) }

    /// Targets that exist, and every provider the plan involves able to work (credentials,
    /// account). Whether planning goes on.
    mutating func checkTargetsAndProviders() async -> Bool {
        guard !diagnostics.hasErrors else { return false }
        diagnostics += Planner.unknownTargets(options.targets, declared: declarations, state: state)
        guard !diagnostics.hasErrors else { return false }
        var sample = OneOfEachType()
        if let wanted {
            for address in wanted { sample.note(address) }
        } else {
            for declaration in workspace.resources { sample.note(declaration.address) }
        }
        for resource in state.resources { sample.note(resource.address) }
        diagnostics += await planner.providers.preflight(sample.addresses)
        return !diagnostics.hasErrors
    }

    /// One address of each type: what the providers' preflight looks at, found without
    /// hashing (or gathering) 20,000 addresses to learn two types.
    struct OneOfEachType {
        private(set) var addresses: [ResourceAddress] = []

        mutating func note(_ address: ResourceAddress) {
            if !addresses.contains(where: { $0.mode == address.mode && $0.type == address.type }) { addresses.append(address) }
        }
    }

    /// What exists now: read in batches (or, with `--refresh=false`, as state says), and the
    /// pending creates looked for either way.
    mutating func readWhatExists() async -> Bool {
        // The attributes each declaration writes (its instances share them): only reads of
        // known objects use them.
        let managed = options.refresh ? declarations.mapValues { $0.body.fields.map(\.name) } : [:]
        let refresh = await Refresher(providers: planner.providers, lineage: state.lineage, managed: managed)
            .refresh(state, readingKnown: options.refresh)
        existing = refresh.objects
        abandoned = refresh.abandoned
        diagnostics += refresh.diagnostics
        requests = refresh.requests
        return !diagnostics.hasErrors
    }

    /// The object that exists at `address`: as read (or recovered, or found to import), or
    /// with `--refresh=false` as state records it — made when asked, by the threads that
    /// plan, not copied for 10,000 objects beforehand.
    func remote(_ address: ResourceAddress) -> RemoteObject? {
        remote(address, recorded: options.refresh ? nil : state.resource(address))
    }

    /// The same, given state's record of `address` (nil: none).
    func remote(_ address: ResourceAddress, recorded: ResourceState?) -> RemoteObject? {
        if let object = existing[address] { return object }
        guard !options.refresh, let recorded, let id = recorded.id else { return nil }
        return RemoteObject(id: id, attributes: recorded.attributes, privateData: recorded.privateData)
    }

    /// Objects that exist for declarations state knows nothing of: imports, not creates.
    mutating func findTwins() async -> Bool {
        guard options.adopt, !options.destroy else { return true }
        // Instances of a `for_each` are named only once planning evaluates it: not searched.
        let declared = workspace.resources
        let unknown = declared.indices.filter { index in
            declared[index].address.mode == .managed && declared[index].forEach == nil
                && !state.holds(declared[index].address) && inScope(declared[index].address)
        }.map { declared[$0] }
        let twins = await TwinSearch(providers: planner.providers, evaluation: evaluation).find(unknown, state: state)
        diagnostics += twins.diagnostics
        requests += twins.requests
        imports = twins.found
        for (address, twin) in imports { existing[address] = twin.object }
        return !diagnostics.hasErrors
    }

    /// Only the targets, with their dependencies, and the drift; nil when there are errors.
    func result() -> PlanResult {
        var changes = wanted == nil ? self.changes : self.changes.filter { inScope($0.address) }
        // Written only where there was a move: writing every change would copy all 10,000.
        if !previous.isEmpty {
            for index in changes.indices {
                if let from = previous[changes[index].address] { changes[index].previousAddress = from }
            }
        }
        // Without refresh what exists is what state says: nothing can have drifted.
        let drift = options.refresh
            ? planner.drift(state: state, existing: existing, declarations: declarations, planned: planned, hasher: hasher) : []
        let plan = Plan(lineage: state.lineage, serial: state.serial, changes: changes, drift: drift,
                        isDestroy: options.destroy, refreshRequests: requests,
                        configuration: options.recordsConfiguration
                            ? PlanConfiguration(workspace, registry: planner.providers.registry, environment: planner.environment) : nil,
                        targets: options.targets)
        return PlanResult(plan: diagnostics.hasErrors ? nil : plan, diagnostics: diagnostics)
    }
}
