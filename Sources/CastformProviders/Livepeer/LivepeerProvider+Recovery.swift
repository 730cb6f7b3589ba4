import CastformCore
import Foundation

/// Finding what a create made when its answer was lost: one list per type serves every
/// pending create of it.
///
/// Streams carry castform's address and lineage in their user tags, so they are found by
/// identity. Webhooks and multistream targets carry no tags: a webhook with the manifest's
/// name and URL, or a target with its name, created after the create was sent and not held
/// by state already, stands for the lost create. Each object is given to one request only.
extension LivepeerProvider {
    /// Livepeer's clock and ours may differ a little.
    static let clockSkew: TimeInterval = 600

    func recover(type: String, requests: [OperationRequest]) async -> RecoveryReport {
        guard let api else { return RecoveryReport(.failed([missingKey]), for: requests) }
        switch type {
        case LivepeerSchemas.stream.name: return await recoverStreams(api, requests)
        case LivepeerSchemas.webhook.name: return await recoverWebhooks(api, requests)
        default: return await recoverTargets(api, requests)
        }
    }

    private func recoverStreams(_ api: LivepeerAPI, _ requests: [OperationRequest]) async -> RecoveryReport {
        var count = 0
        do {
            let all = try await api.list("/stream", query: [(name: "streamsonly", value: "1")], requests: &count)
            var report = RecoveryReport(requestCount: count)
            var matcher = Matcher(candidates: all, excluding: requests.first?.excluding ?? [])
            for request in requests {
                let json = matcher.take(for: request) { json in
                    let identity = LivepeerStreamMapping.identity(json)
                    return identity.address == request.address.description && identity.lineage == request.lineage
                }
                report.results[request.address] = json.map { .found(created($0, request)) } ?? .notFound
            }
            return report
        } catch {
            return failed(requests, error, "a stream", count)
        }
    }

    private func recoverWebhooks(_ api: LivepeerAPI, _ requests: [OperationRequest]) async -> RecoveryReport {
        var count = 0
        do {
            let all = try await api.list("/webhook", requests: &count)
            var report = RecoveryReport(requestCount: count)
            var matcher = Matcher(candidates: all, excluding: requests.first?.excluding ?? [])
            for request in requests {
                // A URL from a secret is in the pending record as its hash: the name decides.
                let url = request.desired["url"].flatMap { $0.containsSensitive ? nil : $0.unmarked }
                let json = matcher.take(for: request) { json in
                    json["name"] == request.desired["name"]?.unmarked && (url == nil || json["url"] == url)
                }
                report.results[request.address] = json.map { json in
                    var object = Self.decodeWebhook(json)
                    object.attributes["shared_secret"] = request.desired["shared_secret"]
                    return .found(object)
                } ?? .notFound
            }
            return report
        } catch {
            return failed(requests, error, "a webhook", count)
        }
    }

    /// The target list needs the account's user id, which any stream or webhook of the account
    /// carries. An account with neither gives castform no way to see its targets: then a lost
    /// target create is not made again blindly.
    private func recoverTargets(_ api: LivepeerAPI, _ requests: [OperationRequest]) async -> RecoveryReport {
        var count = 0
        do {
            var userID: String?
            for path in ["/stream", "/webhook"] where userID == nil {
                count += 1
                userID = LivepeerWire.items(try await api.call(.get, path, query: [(name: "limit", value: "1")]).json).first?["userId"]?.stringValue
            }
            guard let userID else {
                return RecoveryReport(results: Dictionary(uniqueKeysWithValues: requests.map { ($0.address, .failed([Self.unseenTarget($0)])) }),
                                      requestCount: count)
            }
            let all = try await api.list("/multistream/target", query: [(name: "userId", value: userID)], requests: &count)
            var report = RecoveryReport(requestCount: count)
            var matcher = Matcher(candidates: all, excluding: requests.first?.excluding ?? [])
            for request in requests {
                let name = request.desired["name"]?.unmarked.stringValue
                let json = matcher.take(for: request) { $0["name"]?.stringValue == name }
                report.results[request.address] = json.map { json in
                    // The lost create sent the desired URL (state holds its hash): it is what the target has.
                    var object = Self.decodeTarget(json)
                    object.attributes["url"] = request.desired["url"]
                    return .found(object)
                } ?? .notFound
            }
            return report
        } catch {
            return failed(requests, error, "a multistream target", count)
        }
    }

    private func failed(_ requests: [OperationRequest], _ error: LivepeerAPI.Failure, _ what: String, _ count: Int) -> RecoveryReport {
        RecoveryReport(results: Dictionary(uniqueKeysWithValues: requests.map {
            ($0.address, .failed([error.diagnostic($0.address, "look for \(what) whose create was interrupted")]))
        }), requestCount: count)
    }

    static func unseenTarget(_ request: OperationRequest) -> Diagnostic {
        let name = request.desired["name"]?.unmarked.stringValue ?? request.address.name
        return .error("\(request.address): castform cannot tell whether its interrupted create made the multistream target \"\(name)\": Livepeer lists an account's targets only by its user id, which castform learns from a stream or a webhook, and the account has neither. Look in Livepeer Studio: if the target is there, adopt it with `castform import \(request.address) ID`; if not, let castform create it again with `castform state rm \(request.address)`", at: nil)
    }

    /// Hands out listed objects to pending creates: never one state holds, never one older
    /// than the create (less the clock skew), never one twice.
    struct Matcher {
        var candidates: [Value]
        var taken: Set<String>

        init(candidates: [Value], excluding: Set<String>) {
            self.candidates = candidates
            taken = excluding
        }

        mutating func take(for request: OperationRequest, where matches: (Value) -> Bool) -> Value? {
            let earliest = request.sentAt.map { ($0.timeIntervalSince1970 - LivepeerProvider.clockSkew) * 1000 }
            let found = candidates.first { json in
                guard let id = json["id"]?.stringValue, !taken.contains(id), matches(json) else { return false }
                guard let earliest, let created = Self.milliseconds(json["createdAt"]) else { return true }
                return created >= earliest
            }
            if let id = found?["id"]?.stringValue { taken.insert(id) }
            return found
        }

        static func milliseconds(_ value: Value?) -> Double? {
            switch value {
            case .int(let number)?: Double(number)
            case .number(let number)?: number
            default: nil
            }
        }
    }
}
