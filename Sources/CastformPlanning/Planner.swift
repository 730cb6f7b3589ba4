import CastformCore
import CastformManifest
import CastformState
import Foundation

public struct PlanOptions: Sendable {
    /// Read what exists first (`--refresh=false` trusts state instead).
    public var refresh = true
    /// Only these addresses and what they depend on (`--target`).
    public var targets: [ResourceAddress] = []
    /// Plan to destroy everything in state (`castform destroy`).
    public var destroy = false
    /// Import an object that already exists for a declaration state does not know, instead
    /// of creating a second one (`--no-adopt` turns it off).
    public var adopt = true

    public init(refresh: Bool = true, targets: [ResourceAddress] = [], destroy: Bool = false, adopt: Bool = true) {
        self.refresh = refresh
        self.targets = targets
        self.destroy = destroy
        self.adopt = adopt
    }
}

public struct PlanResult: Sendable {
    /// nil when planning found errors (they are in `diagnostics`).
    public var plan: Plan?
    public var diagnostics: [Diagnostic]
}

/// Makes a plan: refresh, then for each declared resource in dependency order evaluate its
/// values against what is known and compare them with what exists.
public struct Planner: Sendable {
    public var providers: ProviderSet
    public var environment: [String: String]

    public init(providers: ProviderSet, environment: [String: String]) {
        self.providers = providers
        self.environment = environment
    }

    public func plan(_ workspace: Workspace, state: StateSnapshot, options: PlanOptions = PlanOptions()) async -> PlanResult {
        let hasher = SecretHasher(lineage: state.lineage)
        let evaluation = DesiredValues(environment: environment, variables: workspace.config.variables)
        let order = WorkOrder(workspace)
        let declarations = workspace.declarationsByAddress
        var diagnostics: [Diagnostic] = []

        // 0. Targets that exist, and every provider the plan involves can work (credentials,
        // account).
        diagnostics += Self.unknownTargets(options.targets, declared: declarations, state: state)
        if diagnostics.hasErrors { return PlanResult(plan: nil, diagnostics: diagnostics) }
        let involved = (options.targets.isEmpty ? Array(declarations.keys) : Array(order.closure(of: options.targets)))
            + state.resources.map(\.address)
        diagnostics += await providers.preflight(involved)
        if diagnostics.hasErrors { return PlanResult(plan: nil, diagnostics: diagnostics) }

        // 1. What exists now.
        var existing: [ResourceAddress: RemoteObject] = [:]
        var abandoned = Set<ResourceAddress>()
        var requests = 0
        let managed = declarations.mapValues { Set($0.body.fields.map(\.name)) }
        let refresh = await Refresher(providers: providers, lineage: state.lineage, managed: managed)
            .refresh(state, readingKnown: options.refresh)
        existing = refresh.objects
        abandoned = refresh.abandoned
        diagnostics += refresh.diagnostics
        requests = refresh.requests
        if !options.refresh {
            for resource in state.resources {
                if let id = resource.id { existing[resource.address] = RemoteObject(id: id, attributes: resource.attributes, privateData: resource.privateData) }
            }
        }
        if diagnostics.hasErrors { return PlanResult(plan: nil, diagnostics: diagnostics) }

        // Problems are reported only for what this plan touches (`--target`).
        let wanted = options.targets.isEmpty ? nil : order.closure(of: options.targets)
        let inScope = { (address: ResourceAddress) in wanted?.contains(address) ?? true }

        // 1b. Objects that exist for declarations state knows nothing of: imports, not creates.
        var imports: [ResourceAddress: Twin] = [:]
        if options.adopt, !options.destroy {
            let unknown = workspace.resources.filter { $0.address.mode == .managed && state.resource($0.address) == nil && inScope($0.address) }
            let twins = await TwinSearch(providers: providers, evaluation: evaluation).find(unknown, state: state)
            diagnostics += twins.diagnostics
            requests += twins.requests
            imports = twins.found
            for (address, twin) in imports { existing[address] = twin.object }
            if diagnostics.hasErrors { return PlanResult(plan: nil, diagnostics: diagnostics) }
        }

        // 2. Declared resources, dependencies first.
        var known: [ResourceAddress: [String: Value]] = [:]
        var changes: [ResourceChange] = []
        if !options.destroy {
            for address in order.topological() {
                guard let declaration = declarations[address], let schema = providers.schema(for: address) else { continue }
                let desired = evaluation.of(declaration, schema: schema) { [known] in known[$0] }
                if inScope(address) { diagnostics += Self.fileProblems(declaration, schema: schema, desired: desired, workspace: workspace) }
                let dependencies = order.edges.dependencies(of: address)
                if address.mode == .data {
                    let (change, values, problems) = await read(address, schema: schema, arguments: desired, dependencies: dependencies, hasher: hasher)
                    diagnostics += problems
                    known[address] = values
                    changes.append(change)
                    continue
                }
                let prior = existing[address].map { object in
                    Self.prior(object, state: state.resource(address), schema: schema)
                }
                let change = diff(declaration, schema: schema, desired: desired, prior: prior, remoteID: existing[address]?.id,
                                  dependencies: dependencies, hasher: hasher)
                if change.kind == .create || change.kind.isReplace {
                    known[address] = Self.withUnknownComputed(desired, schema: schema)
                } else {
                    known[address] = (prior ?? [:]).merging(desired) { $1 }
                }
                if change.kind == .create || change.kind.isReplace, inScope(address) {
                    diagnostics += Self.missingToCreate(declaration, schema: schema, desired: desired)
                }
                if declaration.lifecycle.preventDestroy, change.kind.isReplace, inScope(address) {
                    diagnostics.append(.error("\(address) has lifecycle.prevent_destroy set, but this plan would replace it (\(change.replacedBecause.joined(separator: ", ")) cannot change in place); remove prevent_destroy to allow it", at: declaration.location))
                }
                var complete = change
                if let id = existing[address]?.id, state.resource(address)?.id == nil {
                    if let twin = imports[address] {
                        // Existing already: import it, then change what differs.
                        complete.importing = ResourceChange.Importing(id: id, reason: twin.reason)
                    } else {
                        // Found by `recover`: a create whose answer was lost. Record it, don't redo it.
                        complete.actionReason = complete.actionReason ?? "adopt_after_lost_response"
                    }
                    complete.remoteID = id
                    complete.adoptedPrivateData = existing[address].map { hasher.redact($0.privateData) }
                }
                complete.deposed = state.resource(address)?.deposed ?? []
                Self.recordLifecycle(&complete, declared: Self.lifecycle(declaration, schema: schema),
                                     recorded: state.resource(address)?.lifecycle, schema: schema)
                changes.append(complete)
            }
        }

        // 3. What state has that the manifests no longer declare (or everything, to destroy).
        for resource in state.resources.reversed() where resource.address.mode == .managed {
            let declaration = declarations[resource.address]
            guard options.destroy || declaration == nil else { continue }
            if abandoned.contains(resource.address) || (existing[resource.address] == nil && resource.id == nil) {
                // A create that never happened: nothing to destroy; apply forgets it (and takes
                // down what it was replacing, if anything).
                var change = ResourceChange(address: resource.address, provider: resource.provider, kind: .forget,
                                            before: [:], actionReason: "forget_never_created")
                change.deposed = resource.deposed ?? []
                change.lifecycle = resource.lifecycle
                changes.append(change)
                continue
            }
            let schema = providers.schema(for: resource.address)
            // The options the object was last applied with, unless a declaration still says.
            let lifecycle = schema.flatMap { schema in declaration.flatMap { Self.lifecycle($0, schema: schema) } } ?? resource.lifecycle
            let removal = schema?.removal(lifecycle) ?? .destroy
            if let declaration, declaration.lifecycle.preventDestroy, !removal.forgets, inScope(resource.address) {
                diagnostics.append(.error("\(resource.address) has lifecycle.prevent_destroy set, but this plan would destroy it; remove prevent_destroy to allow it", at: declaration.location))
            }
            var change = ResourceChange(
                address: resource.address, provider: resource.provider, kind: removal.forgets ? .forget : .delete,
                before: hasher.redact(existing[resource.address]?.attributes ?? resource.attributes),
                actionReason: options.destroy ? nil : "delete_because_no_resource_config",
                note: removal.isDestroy ? nil : removal.description,
                remoteID: existing[resource.address]?.id ?? resource.id, dependencies: resource.dependencies)
            change.deposed = resource.deposed ?? []
            change.lifecycle = lifecycle
            changes.append(change)
        }

        // 4. Only the targets, with their dependencies.
        if let wanted {
            changes = changes.filter { wanted.contains($0.address) }
        }

        let drift = drift(state: state, existing: existing, declarations: declarations, hasher: hasher)
        let plan = Plan(lineage: state.lineage, serial: state.serial, changes: changes, drift: drift,
                        isDestroy: options.destroy, refreshRequests: requests)
        return PlanResult(plan: diagnostics.hasErrors ? nil : plan, diagnostics: diagnostics)
    }

    /// One resource's change: create, update, replace or nothing.
    private func diff(_ declaration: ResourceDeclaration, schema: ResourceTypeSchema, desired: [String: Value],
                      prior: [String: Value]?, remoteID: String?, dependencies: [ResourceAddress], hasher: SecretHasher) -> ResourceChange {
        let address = declaration.address
        let after = hasher.redact(Self.withUnknownComputed(desired, schema: schema))
        guard let prior else {
            return ResourceChange(address: address, provider: schema.provider, kind: .create, after: after,
                                  changedAttributes: Array(desired.keys).sorted(), dependencies: dependencies)
        }
        let ignored = Set(declaration.lifecycle.ignoreChanges.map(\.name))
        let managed = desired.keys.filter { !ignored.contains($0) }
        let changed = AttributeDiff(schema: schema, hasher: hasher).changed(desired: desired, prior: prior, managed: Array(managed))
        // What the service returned for an attribute the manifest fills with a secret is that
        // secret: never shown.
        let shown = Value.marking(prior, like: desired)
        let before = hasher.redact(shown)
        guard !changed.isEmpty else {
            return ResourceChange(address: address, provider: schema.provider, kind: .noOp, before: before, after: before,
                                  remoteID: remoteID, dependencies: dependencies)
        }
        // A creation input that state never had (the object was imported without it) is
        // recorded, not a reason to make the object again.
        let forcing = changed.filter { name in
            guard let attribute = schema.body.attribute(named: name), attribute.forceNew else { return false }
            return attribute.presence != .requiredToCreate || (prior[name] ?? .null) != .null
        }
        if forcing.isEmpty {
            let updated = hasher.redact(shown.merging(desired.filter { managed.contains($0.key) }) { $1 })
            return ResourceChange(address: address, provider: schema.provider, kind: .update, before: before, after: updated,
                                  changedAttributes: changed, note: Self.recordedInputsNote(changed, schema: schema, prior: prior),
                                  remoteID: remoteID, dependencies: dependencies)
        }
        let createFirst = schema.createsBeforeDestroying || declaration.lifecycle.createBeforeDestroy
        let removal = schema.removal(Self.lifecycle(declaration, schema: schema))
        return ResourceChange(
            address: address, provider: schema.provider, kind: createFirst ? .replaceCreateFirst : .replaceDestroyFirst,
            before: before, after: after, changedAttributes: changed, replacedBecause: forcing,
            actionReason: "replace_because_cannot_update",
            note: removal.isDestroy ? nil : "the old object will be \(removal.description)",
            remoteID: remoteID, dependencies: dependencies)
    }

    /// A data source: read now when its arguments are known, else during apply.
    private func read(_ address: ResourceAddress, schema: ResourceTypeSchema, arguments: [String: Value],
                      dependencies: [ResourceAddress], hasher: SecretHasher) async -> (ResourceChange, [String: Value], [Diagnostic]) {
        let deferred = arguments.values.contains { $0.containsUnknown }
        guard !deferred, let provider = providers.provider(for: address) else {
            let values = Self.withUnknownComputed(arguments, schema: schema)
            return (ResourceChange(address: address, provider: schema.provider, kind: .read, after: hasher.redact(values),
                                   actionReason: "read_because_config_unknown", dependencies: dependencies), values, [])
        }
        let result = await provider.readData(type: address.type, arguments: arguments.mapValues(\.unmarked))
        let values = arguments.merging(result.attributes) { $1 }
        return (ResourceChange(address: address, provider: schema.provider, kind: .read, after: hasher.redact(values),
                               dependencies: dependencies), values, result.diagnostics)
    }

    /// Attributes as they exist: what the read returned, plus write-only ones from state (the
    /// service never returns them, so state's record of what was sent stands in).
    static func prior(_ object: RemoteObject, state: ResourceState?, schema: ResourceTypeSchema) -> [String: Value] {
        var attributes = object.attributes
        for attribute in schema.body.attributes where attribute.writeOnly {
            if let value = state?.attributes[attribute.name] { attributes[attribute.name] = value }
        }
        return attributes
    }

    static func withUnknownComputed(_ desired: [String: Value], schema: ResourceTypeSchema) -> [String: Value] {
        var values = desired
        for attribute in schema.body.attributes where attribute.presence == .computed && values[attribute.name] == nil {
            values[attribute.name] = .unknown
        }
        return values
    }

    /// Changes made outside castform to attributes the manifests manage, compared as the diff
    /// compares them (through the schema's normalisations). Local files (`.path` attributes:
    /// a new audio file is the user's own change) and write-only values (never read back) do
    /// not drift.
    func drift(state: StateSnapshot, existing: [ResourceAddress: RemoteObject],
               declarations: [ResourceAddress: ResourceDeclaration], hasher: SecretHasher) -> [ResourceChange] {
        state.resources.compactMap { resource in
            guard resource.id != nil, let declaration = declarations[resource.address] else { return nil }
            guard let object = existing[resource.address] else {
                return ResourceChange(address: resource.address, provider: resource.provider, kind: .delete,
                                      before: resource.attributes, actionReason: "deleted_outside_castform", remoteID: resource.id)
            }
            let now = hasher.redact(Value.marking(object.attributes, like: resource.attributes))
            let schema = providers.schema(for: resource.address)
            let managed = declaration.body.fields.map(\.name).filter { name in
                guard let attribute = schema?.body.attribute(named: name) else { return true }
                if case .path = attribute.type { return false }
                return !attribute.writeOnly
            }
            // What both state and the read know, compared as the diff compares.
            let compared = managed.filter { resource.attributes[$0] != nil && now[$0] != nil }
            let changed = schema.map { AttributeDiff(schema: $0, hasher: hasher).changed(desired: resource.attributes, prior: now, managed: compared) }
                ?? compared.filter { !resource.attributes[$0]!.isEquivalent(to: now[$0]!) }
            guard !changed.isEmpty else { return nil }
            return ResourceChange(address: resource.address, provider: resource.provider, kind: .update,
                                  before: resource.attributes, after: now, changedAttributes: changed,
                                  actionReason: "changed_outside_castform", remoteID: resource.id)
        }
    }
}
