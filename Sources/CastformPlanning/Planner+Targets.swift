import CastformCore
import CastformManifest
import CastformState

extension Planner {
    /// A `--target` that names nothing declared and nothing in state is a mistake (a typo, a
    /// renamed resource), never a silent "No changes".
    static func unknownTargets(_ targets: [ResourceAddress], declared: [ResourceAddress: ResourceDeclaration],
                               state: StateSnapshot) -> [Diagnostic] {
        guard !targets.isEmpty else { return [] }
        let known = Set(declared.keys).union(state.resources.map(\.address))
        // An instance of a declared `for_each` may be one the plan is about to create.
        return targets.filter { !known.contains($0) && !($0.key != nil && declared[$0.declaration]?.forEach != nil) }.map { target in
            .error("--target \(target) names nothing declared in the manifests or recorded in state"
                   + Suggestion.didYouMean(target.description, in: known.map(\.description)), at: nil)
        }
    }
}
