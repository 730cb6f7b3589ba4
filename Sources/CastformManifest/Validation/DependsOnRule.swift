import CastformCore

/// Every `depends_on` entry names a declared resource (when every manifest could be read: see
/// `Workspace.declarationsAreKnown`).
struct DependsOnRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        guard context.workspace.declarationsAreKnown else { return [] }
        let declared = Set(context.workspace.resources.map(\.address))
        return context.workspace.resources.flatMap { resource in
            resource.dependsOn.compactMap { dependency -> Diagnostic? in
                guard !declared.contains(dependency.address) else { return nil }
                let suggestion = Suggestion.closest(to: dependency.address.description, in: declared.map(\.description))
                return .manifest(.reference(.dependsOnUndeclared(dependency.address, suggestion: suggestion)), at: dependency.location)
            }
        }
    }
}
