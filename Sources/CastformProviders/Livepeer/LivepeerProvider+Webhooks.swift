import CastformCore

/// Webhooks: read through the paged list; `shared_secret` is kept as a hash, like any secret.
extension LivepeerProvider {
    func readWebhooks(_ api: LivepeerAPI, _ objects: [KnownObject]) async -> ReadResult {
        var requests = 0
        do {
            let all = try await api.list("/webhook", requests: &requests)
            let wanted = Set(objects.map(\.id))
            var result = ReadResult(requestCount: requests)
            for json in all {
                let object = Self.decodeWebhook(json)
                if wanted.contains(object.id) { result.objects[object.id] = object }
            }
            return result
        } catch {
            return ReadResult(diagnostics: [.error("could not list Livepeer webhooks: \(error.message)", at: nil)], requestCount: requests)
        }
    }

    static func decodeWebhook(_ json: Value) -> RemoteObject {
        let id = json["id"]?.stringValue ?? ""
        var attributes: [String: Value] = ["id": .string(id)]
        for (name, key) in [("name", "name"), ("url", "url"), ("events", "events"), ("stream_id", "streamId"), ("created_at", "createdAt")] {
            if let value = json[key], value != .null { attributes[name] = value }
        }
        return RemoteObject(id: id, attributes: attributes)
    }

    static func webhookBody(_ desired: [String: Value], only: [String]? = nil) -> Value {
        var body: [String: Value] = [:]
        for name in only ?? ["name", "url", "events", "stream_id", "shared_secret"] {
            if let value = desired[name] { body[LivepeerWire.camel(name)] = value.unmarked }
        }
        return .object(body)
    }

    func createWebhook(_ api: LivepeerAPI, _ request: OperationRequest) async -> OperationOutcome {
        do {
            let reply = try await api.call(.post, "/webhook", body: Self.webhookBody(request.desired))
            return .succeeded(Self.decodeWebhook(reply.json))
        } catch {
            return Self.outcome(error, request.address, "create the webhook")
        }
    }

    func updateWebhook(_ api: LivepeerAPI, _ request: OperationRequest) async -> OperationOutcome {
        guard let id = request.id else { return .failed([.error("\(request.address) has no id in state", at: nil)]) }
        do {
            _ = try await api.call(.patch, "/webhook/\(id)", body: Self.webhookBody(request.desired, only: request.changed))
            let reply = try await api.call(.get, "/webhook/\(id)")
            return .succeeded(Self.decodeWebhook(reply.json))
        } catch {
            return Self.outcome(error, request.address, "update the webhook")
        }
    }
}
