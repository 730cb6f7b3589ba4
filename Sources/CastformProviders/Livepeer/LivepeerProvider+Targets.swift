import CastformCore

/// Multistream targets. Their `url` holds the destination's stream key and is write-only: the
/// server never returns it, so state keeps its keyed hash and a changed value is re-sent.
extension LivepeerProvider {
    /// Through the list when castform knows the account's user id (the list requires
    /// `?userId=`; a target's create answer carries it, kept in private data); otherwise one
    /// GET per target, concurrently.
    func readTargets(_ api: LivepeerAPI, _ objects: [KnownObject]) async -> ReadResult {
        if let userID = objects.lazy.compactMap({ $0.privateData["user_id"]?.stringValue }).first {
            var requests = 0
            if let all = try? await api.list("/multistream/target", query: [(name: "userId", value: userID)], requests: &requests) {
                let wanted = Set(objects.map(\.id))
                var result = ReadResult(requestCount: requests)
                for json in all {
                    var object = Self.decodeTarget(json)
                    if wanted.contains(object.id) {
                        object.privateData["user_id"] = .string(userID)
                        result.objects[object.id] = object
                    }
                }
                return result
            }
        }
        return await readTargetsOneByOne(api, objects)
    }

    private func readTargetsOneByOne(_ api: LivepeerAPI, _ objects: [KnownObject]) async -> ReadResult {
        await withTaskGroup(of: (String, RemoteObject?, Diagnostic?).self) { group in
            for object in objects {
                group.addTask {
                    do throws(LivepeerAPI.Failure) {
                        let reply = try await api.call(.get, "/multistream/target/\(object.id)", accepting: [404])
                        return (object.id, reply.status == 404 ? nil : Self.decodeTarget(reply.json), nil)
                    } catch {
                        return (object.id, nil, error.diagnostic(object.address, "read the multistream target"))
                    }
                }
            }
            var result = ReadResult()
            for await (id, object, problem) in group {
                result.requestCount += 1
                if let object { result.objects[id] = object }
                if let problem { result.diagnostics.append(problem) }
            }
            return result
        }
    }

    static func decodeTarget(_ json: Value) -> RemoteObject {
        let id = json["id"]?.stringValue ?? ""
        var attributes: [String: Value] = ["id": .string(id), "disabled": json["disabled"] ?? .bool(false)]
        if let name = json["name"], name != .null { attributes["name"] = name }
        if let created = json["createdAt"] { attributes["created_at"] = created }
        let user = json["userId"]?.stringValue
        return RemoteObject(id: id, attributes: attributes, privateData: user.map { ["user_id": .string($0)] } ?? [:])
    }

    func createTarget(_ api: LivepeerAPI, _ request: OperationRequest) async -> OperationOutcome {
        var body: [String: Value] = [:]
        for name in ["name", "url", "disabled"] { if let value = request.desired[name] { body[name] = value.unmarked } }
        do {
            let reply = try await api.call(.post, "/multistream/target", body: .object(body))
            return .succeeded(Self.decodeTarget(reply.json))
        } catch {
            return Self.outcome(error, request.address, "create the multistream target")
        }
    }

    /// PATCH applies `name` and `url` only when non-empty, and `disabled` when boolean.
    func updateTarget(_ api: LivepeerAPI, _ request: OperationRequest) async -> OperationOutcome {
        guard let id = request.id else { return .failed([.error("\(request.address) has no id in state", at: nil)]) }
        var body: [String: Value] = [:]
        for name in request.changed where ["name", "url", "disabled"].contains(name) {
            body[name] = request.desired[name]?.unmarked ?? .null
        }
        do {
            _ = try await api.call(.patch, "/multistream/target/\(id)", body: .object(body))
            let reply = try await api.call(.get, "/multistream/target/\(id)")
            return .succeeded(Self.decodeTarget(reply.json))
        } catch {
            return Self.outcome(error, request.address, "update the multistream target")
        }
    }
}
