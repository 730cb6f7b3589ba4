import CastformCore

/// Streams: read through the paged list (one request per 1,000 streams), identity by user tags.
extension LivepeerProvider {
    /// Starts listing the streams: the list does not depend on state.
    func prefetch(types: Set<String>) {
        guard let api, types.contains(LivepeerSchemas.stream.name) else { return }
        prefetched.start { try await Self.listStreams(api) }
    }

    static func listStreams(_ api: LivepeerAPI) async throws -> ([Value], Int) {
        var requests = 0
        let all = try await api.list("/stream", query: [(name: "streamsonly", value: "1")], requests: &requests)
        return (all, requests)
    }

    func readStreams(_ api: LivepeerAPI, _ objects: [KnownObject]) async -> ReadResult {
        let all: [Value]
        let requests: Int
        do {
            (all, requests) = try await prefetched.take { try await Self.listStreams(api) }
        } catch {
            let message = (error as? LivepeerAPI.Failure)?.message ?? "\(error)"
            return ReadResult(diagnostics: [.error("could not list Livepeer streams: \(message)", at: nil)])
        }
        let known = Dictionary(objects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let lineages = Set(objects.compactMap { $0.privateData["lineage"]?.stringValue })
        var result = ReadResult(requestCount: requests)
        for json in all {
            guard let id = json["id"]?.stringValue else { continue }
            if let object = known[id] {
                var remote = LivepeerStreamMapping.decode(json, hint: object.attributes,
                                                          inlineTargets: LivepeerWire.items(object.privateData["inline_targets"]))
                remote.privateData.merge(object.privateData) { current, _ in current }
                result.objects[id] = remote
            } else if let lineage = LivepeerStreamMapping.identity(json).lineage, lineages.contains(lineage),
                      let address = LivepeerStreamMapping.identity(json).address {
                let name = json["name"]?.stringValue ?? ""
                result.diagnostics.append(.warning("Livepeer stream \(id) (\"\(name)\") is tagged as \(address) of this workspace but state has no id for it: unless this plan adopts it (an interrupted create), `castform import \(address) \(id)` to manage it, or delete it in Livepeer Studio", at: nil))
            }
        }
        return result
    }

    func createStream(_ api: LivepeerAPI, _ request: OperationRequest) async -> OperationOutcome {
        let body = LivepeerStreamMapping.createBody(request.desired, address: request.address, lineage: request.lineage)
        do {
            var reply = try await api.call(.post, "/stream", body: body)
            if request.desired["suspended"]?.unmarked == .bool(true), let id = reply.json["id"]?.stringValue {
                // `suspended` is not in the create payload: set it right after.
                _ = try await api.call(.patch, "/stream/\(id)", body: .object(["suspended": .bool(true)]))
                reply.json = Self.merged(reply.json, ["suspended": .bool(true)])
            }
            return .succeeded(created(reply.json, request))
        } catch {
            return Self.outcome(error, request.address, "create the stream")
        }
    }

    func created(_ json: Value, _ request: OperationRequest) -> RemoteObject {
        let inline = LivepeerStreamMapping.inlineTargets(desired: request.desired, response: json)
        var object = LivepeerStreamMapping.decode(json, hint: request.desired, inlineTargets: inline)
        object.privateData["lineage"] = .string(request.lineage)
        return object
    }

    func updateStream(_ api: LivepeerAPI, _ request: OperationRequest) async -> OperationOutcome {
        guard let id = request.id else { return .failed([.error("\(request.address) has no id in state", at: nil)]) }
        let body = LivepeerStreamMapping.patchBody(request.desired, changed: request.changed, address: request.address, lineage: request.lineage)
        do {
            _ = try await api.call(.patch, "/stream/\(id)", body: body)
            let reply = try await api.call(.get, "/stream/\(id)")
            let prior = request.prior?.privateData ?? [:]
            var inline = LivepeerWire.items(prior["inline_targets"])
            if request.changed.contains("multistream") {
                inline = LivepeerStreamMapping.inlineTargets(desired: request.desired, response: reply.json)
            }
            var object = LivepeerStreamMapping.decode(reply.json, hint: request.desired, inlineTargets: inline)
            object.privateData = prior.merging(object.privateData) { $1 }
            if inline.isEmpty { object.privateData["inline_targets"] = nil }
            return .succeeded(object)
        } catch {
            if case .changeWhileActive? = error.refusal {
                let fields = request.changed.filter { ["profiles", "record"].contains($0) }.joined(separator: " and ")
                return .failed([.error("\(request.address) (stream \(id)) is live: Livepeer cannot change \(fields) while a stream is active. Wait until the broadcast ends and apply again, or apply other changes now with --target", at: nil)])
            }
            return Self.outcome(error, request.address, "update the stream")
        }
    }

    static func merged(_ json: Value, _ fields: [String: Value]) -> Value {
        .object(LivepeerWire.fields(json).merging(fields) { $1 })
    }
}
