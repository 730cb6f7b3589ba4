import CastformCore
import CastformManifest
import CastformState

/// Checks that a saved plan still describes the manifests and environment it is applied with:
/// each create or update would send the same values (secrets compared by their hashes).
public struct PlanVerifier: Sendable {
    public var providers: ProviderSet
    public var environment: [String: String]

    public init(providers: ProviderSet, environment: [String: String]) {
        self.providers = providers
        self.environment = environment
    }

    /// Problems, one per resource whose values differ; empty when the plan holds.
    public func verify(_ plan: Plan, workspace: Workspace, state: StateSnapshot) -> [String] {
        let hasher = SecretHasher(lineage: state.lineage)
        let recreated = Set(plan.changes.filter { $0.kind == .create || $0.kind.isReplace }.map(\.address))
        var problems: [String] = []
        let declarations = workspace.declarationsByAddress
        // The plan's reads of data sources by address, the first winning as `change(for:)`
        // finds it (which scans every change).
        let reads = Dictionary(plan.changes.filter { $0.address.mode == .data }.map { ($0.address, $0) },
                               uniquingKeysWith: { first, _ in first })
        for change in plan.changes where change.address.mode == .managed {
            let removal = change.kind == .delete || change.kind == .forget
            if removal, declarations[change.address] != nil, !plan.isDestroy {
                problems.append("\(change.address) is declared again")
            }
            guard [.create, .update, .replaceCreateFirst, .replaceDestroyFirst].contains(change.kind),
                  let declaration = declarations[change.address], let planned = change.after,
                  let schema = providers.schema(for: change.address) else {
                if !removal, change.kind != .noOp, declarations[change.address] == nil {
                    problems.append("\(change.address) is no longer declared")
                }
                continue
            }
            let evaluator = Evaluator(environment: environment, variables: workspace.config.variables) { address, path in
                if recreated.contains(address) { return .unknown }
                // Data sources are not in state: the plan recorded what it read.
                let known = address.mode == .data ? reads[address]?.after : state.resource(address)?.attributes
                return Planner.lookup(known, path)
            }
            let now = hasher.redact(Planner.fields(evaluator.evaluate(declaration.body)))
            let differing = schema.body.attributes.filter(\.isSettable).map(\.name).filter { name in
                guard let wanted = planned[name], !wanted.containsUnknown else { return false }
                return !(now[name] ?? schema.body.attribute(named: name)?.defaultValue ?? .null).isEquivalent(to: wanted)
            }
            if !differing.isEmpty {
                problems.append("\(change.address): \(differing.joined(separator: ", ")) would differ from the plan")
            }
        }
        return problems
    }
}
