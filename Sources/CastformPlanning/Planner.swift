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
    /// Whether the plan carries the declarations as written (Terraform's `configuration`):
    /// plan JSON and plan files need it; a plan only shown to a reader does not.
    public var recordsConfiguration = true

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

    /// The plan, or the diagnostics that stopped it: targets and providers checked, what
    /// exists read (and lost creates and twins found), then one change per declaration in
    /// dependency order and one per object state has that the manifests no longer declare.
    public func plan(_ workspace: Workspace, state: StateSnapshot, options: PlanOptions = PlanOptions()) async -> PlanResult {
        var run = PlanRun(planner: self, workspace: workspace, state: state, options: options)
        guard await run.checkTargetsAndProviders(), await run.readWhatExists(), await run.findTwins() else { return run.stopped }
        if !options.destroy { await run.planDeclared() }
        run.planRemoved()
        let result = run.result()
        releaseInBackground(consume run)
        return result
    }

    /// One resource's change: create, update, replace or nothing.
    func diff(_ declaration: ResourceDeclaration, address: ResourceAddress, schema: ResourceTypeSchema, desired: [String: Value],
              prior: [String: Value]?, remoteID: String?, dependencies: [ResourceAddress], hasher: SecretHasher) -> ResourceChange {
        guard let prior else {
            return ResourceChange(address: address, provider: schema.provider, kind: .create,
                                  after: hasher.redact(Self.withUnknownComputed(desired, schema: schema)),
                                  changedAttributes: Array(desired.keys).sorted(), dependencies: dependencies)
        }
        let ignored = Set(declaration.lifecycle.ignoreChanges.map(\.name))
        let manages = { (name: String) in desired[name] != nil && !ignored.contains(name) }
        let changed = AttributeDiff(schema: schema, hasher: hasher).changed(desired: desired, prior: prior, ignoring: ignored)
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
            let updated = hasher.redact(shown.merging(desired.filter { manages($0.key) }) { $1 })
            return ResourceChange(address: address, provider: schema.provider, kind: .update, before: before, after: updated,
                                  changedAttributes: changed, note: Self.recordedInputsNote(changed, schema: schema, prior: prior),
                                  remoteID: remoteID, dependencies: dependencies)
        }
        let createFirst = schema.createsBeforeDestroying || declaration.lifecycle.createBeforeDestroy
        let removal = schema.removal(Self.lifecycle(declaration, schema: schema))
        return ResourceChange(
            address: address, provider: schema.provider, kind: createFirst ? .replaceCreateFirst : .replaceDestroyFirst,
            before: before, after: hasher.redact(Self.withUnknownComputed(desired, schema: schema)),
            changedAttributes: changed, replacedBecause: forcing,
            actionReason: .replaceBecauseCannotUpdate,
            note: removal.isDestroy ? nil : "the old object will be \(removal.description)",
            remoteID: remoteID, dependencies: dependencies)
    }

    /// A data source: read now when its arguments are known, else during apply.
    func read(_ address: ResourceAddress, schema: ResourceTypeSchema, arguments: [String: Value],
                      dependencies: [ResourceAddress], hasher: SecretHasher) async -> (ResourceChange, [String: Value], [Diagnostic]) {
        let deferred = arguments.values.contains { $0.containsUnknown }
        guard !deferred, let provider = providers.provider(for: address) else {
            let values = Self.withUnknownComputed(arguments, schema: schema)
            return (ResourceChange(address: address, provider: schema.provider, kind: .read, after: hasher.redact(values),
                                   actionReason: .readBecauseConfigUnknown, dependencies: dependencies), values, [])
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
        for name in schema.body.writeOnlyNames {
            if let value = state?.attributes[name] { attributes[name] = value }
        }
        return attributes
    }

    static func withUnknownComputed(_ desired: [String: Value], schema: ResourceTypeSchema) -> [String: Value] {
        var values = desired
        for name in schema.body.computedNames where values[name] == nil {
            values[name] = .unknown
        }
        return values
    }

    /// Changes made outside castform to attributes the manifests manage, compared as the diff
    /// compares them (through the schema's normalisations). Local files (`.path` attributes:
    /// a new audio file is the user's own change) and write-only values (never read back) do
    /// not drift.
    func drift(state: StateSnapshot, existing: [ResourceAddress: RemoteObject],
               declarations: [ResourceAddress: ResourceDeclaration], planned: Set<ResourceAddress>, hasher: SecretHasher) -> [ResourceChange] {
        // Each object on its own, so side by side (see `Array.concurrentMap`).
        state.resources.concurrentMap(minimumPerThread: 64) { resource -> ResourceChange? in
            guard resource.id != nil, planned.contains(resource.address),
                  let declaration = declarations[resource.address.declaration] else { return nil }
            guard let object = existing[resource.address] else {
                return ResourceChange(address: resource.address, provider: resource.provider, kind: .delete,
                                      before: resource.attributes, actionReason: .deletedOutsideCastform, remoteID: resource.id)
            }
            // Read back exactly as recorded (the read shares state's values then): nothing drifted.
            if object.attributes == resource.attributes { return nil }
            // Secrets read in clear are marked, and hashed only when compared (the diff hashes
            // what it compares) or shown: a stream's key is read every time, managed rarely.
            let read = Value.marking(object.attributes, like: resource.attributes)
            let schema = providers.schema(for: resource.address)
            let managed = declaration.body.fields.map(\.name).filter { name in
                guard let attribute = schema?.body.attribute(named: name) else { return true }
                if case .path = attribute.type { return false }
                return !attribute.writeOnly
            }
            // What both state and the read know, compared as the diff compares.
            let compared = managed.filter { resource.attributes[$0] != nil && read[$0] != nil }
            let changed = schema.map { AttributeDiff(schema: $0, hasher: hasher).changed(desired: resource.attributes, prior: read, managed: compared) }
                ?? compared.filter { !resource.attributes[$0]!.isEquivalent(to: hasher.redact(read[$0]!)) }
            guard !changed.isEmpty else { return nil }
            let now = hasher.redact(read)
            return ResourceChange(address: resource.address, provider: resource.provider, kind: .update,
                                  before: resource.attributes, after: now, changedAttributes: changed,
                                  actionReason: .changedOutsideCastform, remoteID: resource.id)
        }.compactMap { $0 }
    }
}
