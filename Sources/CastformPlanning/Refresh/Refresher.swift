import CastformCore
import CastformState

/// Reads what exists for every object in state: one batched read per type, types in parallel,
/// and a recovery for each create whose answer was never seen.
struct Refresher {
    struct Result {
        /// Objects that exist, by address. An address in state but missing here is gone.
        var objects: [ResourceAddress: RemoteObject] = [:]
        /// Pending creates that turned out never to have happened.
        var abandoned: Set<ResourceAddress> = []
        var diagnostics: [Diagnostic] = []
        var requests = 0
    }

    let providers: ProviderSet
    let lineage: String
    let managed: [ResourceAddress: Set<String>]

    func refresh(_ state: StateSnapshot) async -> Result {
        // A lost create cannot have made an object state already knows: not another
        // resource's, and not the one a replacement replaces (a re-uploaded show has the
        // same title as the show it replaces).
        let claimed = state.claimedIDs
        var groups: [String: [ResourceState]] = [:]
        var pendingCreates: [ResourceState] = []
        for resource in state.resources {
            if resource.id == nil {
                pendingCreates.append(resource)
            } else {
                groups["\(resource.address.mode.rawValue):\(resource.address.type)", default: []].append(resource)
            }
        }
        return await withTaskGroup(of: Result.self) { group in
            for resources in groups.values {
                group.addTask { await read(resources) }
            }
            for resource in pendingCreates {
                group.addTask { await recover(resource, claimed: claimed) }
            }
            var combined = Result()
            for await partial in group {
                combined.objects.merge(partial.objects) { $1 }
                combined.abandoned.formUnion(partial.abandoned)
                combined.diagnostics += partial.diagnostics
                combined.requests += partial.requests
            }
            return combined
        }
    }

    private func read(_ resources: [ResourceState]) async -> Result {
        guard let first = resources.first, let provider = providers.provider(for: first.address) else {
            return Result(diagnostics: resources.prefix(1).map {
                .error("\($0.address) is in state but no provider handles \($0.address.type)", at: nil)
            })
        }
        let known = resources.map {
            KnownObject(address: $0.address, id: $0.id!, attributes: $0.attributes, privateData: $0.privateData,
                        managedAttributes: managed[$0.address] ?? [])
        }
        let read = await provider.read(type: first.address.type, objects: known)
        var result = Result(diagnostics: read.diagnostics, requests: read.requestCount)
        for resource in resources {
            if let object = read.objects[resource.id!] { result.objects[resource.address] = object }
        }
        return result
    }

    private func recover(_ resource: ResourceState, claimed: Set<String>) async -> Result {
        guard let provider = providers.provider(for: resource.address) else { return Result() }
        var request = OperationRequest(address: resource.address, desired: resource.pending?.desired ?? [:], lineage: lineage)
        request.excluding = claimed
        request.sentAt = resource.pending?.started
        switch await provider.recover(request) {
        case .found(let object):
            return Result(objects: [resource.address: object], requests: 1)
        case .notFound:
            return Result(abandoned: [resource.address], requests: 1)
        case .failed(let diagnostics):
            return Result(diagnostics: diagnostics, requests: 1)
        }
    }
}
