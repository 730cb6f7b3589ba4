import CastformCore
import CastformManifest
import CastformState

/// Checks that a saved plan still describes the manifests and environment it is applied with:
/// each create or update would send what the plan decided (secrets compared by their hashes).
///
/// The manifests are evaluated again exactly as the planner evaluated them (`DesiredValues`:
/// the same defaults) and compared as the planner compares (`AttributeDiff`: the same
/// normalisations), so only what the user changed since the plan can differ — never a value
/// the service reported for an attribute the manifest leaves alone.
public struct PlanVerifier: Sendable {
    public var providers: ProviderSet
    public var environment: [String: String]

    public init(providers: ProviderSet, environment: [String: String]) {
        self.providers = providers
        self.environment = environment
    }

    /// Problems, one per resource whose values differ; empty when the plan holds.
    public func verify(_ plan: Plan, workspace: Workspace, state: StateSnapshot) -> [String] {
        let context = Context(plan: plan, state: state, workspace: workspace,
                              evaluation: DesiredValues(environment: environment, variables: workspace.config.variables))
        let declarations = workspace.declarationsByAddress
        var problems: [String] = []
        for change in plan.changes where change.address.mode == .managed {
            let removal = change.kind == .delete || change.kind == .forget
            let declaration = declarations[change.address.declaration].flatMap { declares($0, change.address, context: context) ? $0 : nil }
            if removal, declaration != nil, !plan.isDestroy {
                problems.append("\(change.address) is declared again")
            }
            guard [.create, .update, .replaceCreateFirst, .replaceDestroyFirst].contains(change.kind),
                  let declaration, let planned = change.after,
                  let schema = providers.schema(for: change.address) else {
                if !removal, change.kind != .noOp, declaration == nil {
                    problems.append("\(change.address) is no longer declared")
                }
                continue
            }
            let differing = differences(change, declaration: declaration, planned: planned, schema: schema, context: context)
            if !differing.isEmpty {
                problems.append("\(change.address): \(differing.joined(separator: ", ")) would differ from the plan")
            }
        }
        return problems
    }

    /// Whether `declaration` declares `address`: itself, or one of its `for_each` instances
    /// as the collection evaluates with the values the plan read.
    func declares(_ declaration: ResourceDeclaration, _ address: ResourceAddress, context: Context) -> Bool {
        guard let key = address.key else { return declaration.forEach == nil }
        guard case .success(let instances)? = context.evaluation.instances(of: declaration, lookup: { [context] in context.known($0) })
        else { return false }
        return instances.contains { $0.key == key }
    }

    /// What the plan's evaluation of a resource knew of the others, and how it evaluated.
    struct Context: Sendable {
        let plan: Plan
        let state: StateSnapshot
        let workspace: Workspace
        let evaluation: DesiredValues
        let hasher: SecretHasher
        let recreated: Set<ResourceAddress>
        /// The plan's reads of data sources: they are not in state; the plan recorded them.
        let reads: [ResourceAddress: [String: Value]]

        init(plan: Plan, state: StateSnapshot, workspace: Workspace, evaluation: DesiredValues) {
            self.plan = plan
            self.state = state
            self.workspace = workspace
            self.evaluation = evaluation
            hasher = SecretHasher(lineage: state.lineage)
            recreated = Set(plan.changes.filter { $0.kind == .create || $0.kind.isReplace }.map(\.address))
            reads = Dictionary(plan.changes.filter { $0.address.mode == .data }.compactMap { change in change.after.map { (change.address, $0) } },
                               uniquingKeysWith: { first, _ in first })
        }

        func known(_ address: ResourceAddress) -> [String: Value]? {
            if recreated.contains(address) { return nil }
            return address.mode == .data ? reads[address] : state.resource(address)?.attributes
        }
    }

    /// The settable attributes whose value now differs from the plan's. An update is checked
    /// on what it changes and what the manifest declares; a create on everything it sends.
    func differences(_ change: ResourceChange, declaration: ResourceDeclaration, planned: [String: Value],
                     schema: ResourceTypeSchema, context: Context) -> [String] {
        let values = context.evaluation.of(change.address, declaration: declaration, schema: schema) { [context] in context.known($0) }
        let now = context.hasher.redact(values ?? [:])
        let ignored = Set(declaration.lifecycle.ignoreChanges.map(\.name))
        let sent = change.kind == .update ? Set(change.changedAttributes) : Set(planned.keys)
        let names = schema.body.attributes.filter(\.isSettable).map(\.name).filter { name in
            guard !ignored.contains(name), now[name] != nil || sent.contains(name) else { return false }
            return !(planned[name] ?? .null).containsUnknown && !(now[name] ?? .null).containsUnknown
        }
        return AttributeDiff(schema: schema, hasher: context.hasher).changed(desired: now, prior: planned, managed: names)
    }
}
