import CastformCore
import CastformState

/// Reads what exists for every object in state: one batched read per type, types in parallel,
/// and one recovery call per type for the creates whose answer was never seen.
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
    let managed: [ResourceAddress: [String]]

    /// With `readingKnown` false (`--refresh=false`) only the pending creates are looked
    /// for: planning one of them as new without looking would make it twice.
    func refresh(_ state: StateSnapshot, readingKnown: Bool = true) async -> Result {
        // A lost create cannot have made an object state already knows: not another
        // resource's, and not the one a replacement replaces (a re-uploaded show has the
        // same title as the show it replaces).
        var groups: [String: [ResourceState]] = [:]
        var pendingCreates: [String: [ResourceState]] = [:]
        // Data sources in state are what the last apply read: they are read again, not refreshed.
        // By index: with `--refresh=false` nearly all of 10,000 are passed over, uncopied.
        let resources = state.resources
        for index in resources.indices where resources[index].address.mode == .managed && (readingKnown || resources[index].id == nil) {
            let resource = resources[index]
            let key = resource.address.type
            if resource.id == nil {
                pendingCreates[key, default: []].append(resource)
            } else if readingKnown {
                groups[key, default: []].append(resource)
            }
        }
        let claimed = pendingCreates.isEmpty ? [] : state.claimedIDs
        return await withTaskGroup(of: Result.self) { group in
            for resources in groups.values {
                group.addTask { await read(resources) }
            }
            for resources in pendingCreates.values {
                group.addTask { await recover(resources, claimed: claimed) }
            }
            var combined = Result()
            for await var partial in group {
                // The smaller map inserted into the larger (10,000 shows are not inserted again
                // beside 1,000 streams): swapped, not copied. On one address, as ever, the later
                // read wins.
                if partial.objects.count > combined.objects.count {
                    swap(&combined.objects, &partial.objects)
                    combined.objects.merge(partial.objects) { later, _ in later }
                } else {
                    combined.objects.merge(partial.objects) { $1 }
                }
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
                        managedAttributes: managed[$0.address.declaration] ?? [])
        }
        let read = await provider.read(type: first.address.type, objects: known)
        var result = Result(diagnostics: read.diagnostics, requests: read.requestCount)
        result.objects.reserveCapacity(read.objects.count)
        for resource in resources {
            if let object = read.objects[resource.id!] { result.objects[resource.address] = object }
        }
        return result
    }

    /// The pending creates of one type, looked for in one call.
    private func recover(_ resources: [ResourceState], claimed: Set<String>) async -> Result {
        guard let first = resources.first, let provider = providers.provider(for: first.address) else { return Result() }
        let requests = resources.map { resource in
            var request = OperationRequest(address: resource.address, desired: resource.pending?.desired ?? [:], lineage: lineage)
            request.excluding = claimed
            request.sentAt = resource.pending?.started
            request.notes = resource.pending?.notes ?? [:]
            return request
        }
        let report = await provider.recover(type: first.address.type, requests: requests)
        var result = Result(requests: report.requestCount)
        for resource in resources {
            switch report.results[resource.address] {
            case .found(let object)?:
                result.objects[resource.address] = object
            case .notFound?:
                result.abandoned.insert(resource.address)
            case .failed(let diagnostics)?:
                result.diagnostics += diagnostics
            case nil:
                result.diagnostics.append(.error("\(resource.address): castform could not find out whether its interrupted create happened; nothing was planned for it", at: nil))
            }
        }
        return result
    }
}
