import CastformCore
import CastformManifest
import CastformState

extension Planner {
    /// A `--target` that names nothing declared and nothing in state is a mistake (a typo, a
    /// renamed resource), never a silent "No changes".
    static func unknownTargets(_ targets: [ResourceAddress], declared: [ResourceAddress: ResourceDeclaration],
                               state: StateSnapshot) -> [Diagnostic] {
        let known = Set(declared.keys).union(state.resources.map(\.address))
        return targets.filter { !known.contains($0) }.map { target in
            .error("--target \(target) names nothing declared in the manifests or recorded in state"
                   + Suggestion.didYouMean(target.description, in: known.map(\.description)), at: nil)
        }
    }
}
