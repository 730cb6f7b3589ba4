import CastformCore

/// Objects that already exist for declarations state has no record of (a CI runner without
/// the team's state): a stream tagged with the declaration's castform address (whichever
/// state made it), a webhook with the manifest's name and URL, a multistream target with its
/// name. One list per type; an object state holds is never another declaration's twin.
extension LivepeerProvider {
    func twins(type: String, queries: [TwinQuery]) async -> TwinReport {
        guard let api else { return TwinReport(diagnostics: [missingKey]) }
        var count = 0
        do {
            let all: [Value]
            switch type {
            case LivepeerSchemas.stream.name: all = try await api.list("/stream", query: [(name: "streamsonly", value: "1")], requests: &count)
            case LivepeerSchemas.webhook.name: all = try await api.list("/webhook", requests: &count)
            default: all = try await targets(api, requests: &count)
            }
            var report = TwinReport(requestCount: count)
            for query in queries {
                let found = all.filter { json in
                    guard let id = json["id"]?.stringValue, !query.excluding.contains(id) else { return false }
                    return Self.isTwin(json, of: query, type: type)
                }
                report.results[query.address] = found.map { twin($0, query: query, type: type) }
            }
            return report
        } catch {
            return TwinReport(diagnostics: [.error("could not list Livepeer's \(type) objects to find ones the manifests declare: \(error.message)", at: nil)],
                              requestCount: count)
        }
    }

    /// The account's targets: their list needs the user id, which a stream or a webhook
    /// carries; an account with neither has no target castform could have made either.
    private func targets(_ api: LivepeerAPI, requests: inout Int) async throws(LivepeerAPI.Failure) -> [Value] {
        var userID: String?
        for path in ["/stream", "/webhook"] where userID == nil {
            requests += 1
            userID = LivepeerWire.items(try await api.call(.get, path, query: [(name: "limit", value: "1")]).json).first?["userId"]?.stringValue
        }
        guard let userID else { return [] }
        return try await api.list("/multistream/target", query: [(name: "userId", value: userID)], requests: &requests)
    }

    static func isTwin(_ json: Value, of query: TwinQuery, type: String) -> Bool {
        let name = query.desired["name"]?.unmarked
        switch type {
        case LivepeerSchemas.stream.name:
            return LivepeerStreamMapping.identity(json).address == query.address.description
        case LivepeerSchemas.webhook.name:
            let url = query.desired["url"].flatMap { $0.containsSensitive ? nil : $0.unmarked }
            return name != nil && json["name"] == name && (url == nil || json["url"] == url)
        default:
            return name != nil && json["name"] == name
        }
    }

    private func twin(_ json: Value, query: TwinQuery, type: String) -> Twin {
        let id = json["id"]?.stringValue ?? ""
        switch type {
        case LivepeerSchemas.stream.name:
            var object = LivepeerStreamMapping.decode(json, hint: query.desired, inlineTargets: [])
            object.privateData["lineage"] = LivepeerStreamMapping.identity(json).lineage.map(Value.string)
            return Twin(object: object, reason: "Livepeer stream \(id) is tagged castform_address \(query.address)")
        case LivepeerSchemas.webhook.name:
            return Twin(object: Self.decodeWebhook(json), reason: "Livepeer webhook \(id) has the manifest's name and URL")
        default:
            return Twin(object: Self.decodeTarget(json), reason: "Livepeer multistream target \(id) has the manifest's name")
        }
    }
}
