import CastformCore
import CastformManifest
import CastformState

/// Looks, for every declared resource state has no record of, for an object that already
/// exists for it (see `Twins.swift` in Core): one provider call per type, types in parallel.
/// One twin is imported; several are an error listing them, with the command to pick one.
struct TwinSearch {
    struct Result {
        var found: [ResourceAddress: Twin] = [:]
        var diagnostics: [Diagnostic] = []
        var requests = 0
    }

    let providers: ProviderSet
    let evaluation: DesiredValues

    func find(_ declarations: [ResourceDeclaration], state: StateSnapshot) async -> Result {
        guard !declarations.isEmpty else { return Result() }
        let claimed = state.claimedIDs
        var queries: [String: [TwinQuery]] = [:]
        for declaration in declarations {
            guard let schema = providers.schema(for: declaration.address) else { continue }
            // Evaluated as far as state knows: a value that depends on an object still to be
            // created is unknown, and the provider does not match on it.
            let desired = evaluation.of(declaration, schema: schema) { [state] in state.resource($0)?.attributes }
            queries[declaration.address.type, default: []].append(TwinQuery(address: declaration.address, desired: desired, excluding: claimed))
        }
        return await withTaskGroup(of: Result.self) { group in
            for (type, typeQueries) in queries {
                guard let provider = typeQueries.first.flatMap({ providers.provider(for: $0.address) }) else { continue }
                group.addTask { Self.judge(await provider.twins(type: type, queries: typeQueries)) }
            }
            var combined = Result()
            for await partial in group {
                combined.found.merge(partial.found) { $1 }
                combined.diagnostics += partial.diagnostics
                combined.requests += partial.requests
            }
            return combined
        }
    }

    /// One twin per address is taken; several are an error.
    static func judge(_ report: TwinReport) -> Result {
        var result = Result(diagnostics: report.diagnostics, requests: report.requestCount)
        for (address, twins) in report.results {
            if twins.count == 1 {
                result.found[address] = twins[0]
            } else if twins.count > 1 {
                let ids = twins.map(\.object.id)
                result.diagnostics.append(.error("\(address) is not in state, and the service holds \(twins.count) objects that could be it: \(ids.joined(separator: ", ")) (\(twins[0].reason)). Pick the one to manage with `castform import \(address) ID`, or plan with --no-adopt to create a new one", at: nil))
            }
        }
        return result
    }
}
