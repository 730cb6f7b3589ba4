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
                let names = declared.map(\.description)
                return .error("depends_on names \(dependency.address), which is not declared" + Suggestion.didYouMean(dependency.address.description, in: names), at: dependency.location)
            }
        }
    }
}
