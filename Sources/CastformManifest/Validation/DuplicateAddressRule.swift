import CastformCore

/// The same address declared twice in a workspace, reported at the later place, naming the first.
struct DuplicateAddressRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        // The workspace's index (made for planning too) holds one entry per address: as many
        // as declarations, and no address is declared twice.
        guard context.workspace.declarationsByAddress.count != context.workspace.resources.count else { return [] }
        var first: [ResourceAddress: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for resource in context.workspace.resources {
            if let earlier = first[resource.address] {
                diagnostics.append(.manifest(.declaration(.declaredTwice(resource.address, first: earlier)), at: resource.location))
            } else {
                first[resource.address] = resource.location
            }
        }
        return diagnostics
    }
}
