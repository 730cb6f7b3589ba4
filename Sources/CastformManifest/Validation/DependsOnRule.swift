import CastformCore

/// Every `depends_on` entry names a declared resource (when every manifest could be read: see
/// `Workspace.declarationsAreKnown`).
struct DependsOnRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        guard context.workspace.declarationsAreKnown else { return [] }
        // The workspace's index of its declarations (made for planning too), not a set of its own.
        let declared = context.workspace.declarationsByAddress
        return context.workspace.resources.flatMap { resource in
            resource.dependsOn.compactMap { dependency -> Diagnostic? in
                guard declared[dependency.address] == nil else { return nil }
                let suggestion = Suggestion.closest(to: dependency.address.description, in: declared.keys.map(\.description))
                return .manifest(.reference(.dependsOnUndeclared(dependency.address, suggestion: suggestion)), at: dependency.location)
            }
        }
    }
}
