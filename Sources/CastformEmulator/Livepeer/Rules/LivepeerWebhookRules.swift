import Foundation

/// The webhook controller's checks (`controllers/webhook.ts`), after the schema.
enum LivepeerWebhookRules {
    struct Fields {
        var name: String
        var events: [String]
        var url: String
        var sharedSecret: String?
        var streamId: String?
    }

    /// `validateWebhookPayload`: the URL must parse (422 `bad url: ...`), and `events` (or the
    /// deprecated single `event`) must be given (422).
    static func fields(from payload: LivepeerJSON) throws -> Fields {
        let url = payload["url"]?.stringValue ?? ""
        guard LivepeerURIFormat.whatwgHost(url) != nil else { throw LivepeerError.unprocessable("bad url: \(url)") }
        let events: [String]
        if let list = payload["events"]?.arrayValue {
            events = list.compactMap(\.stringValue)
        } else if let single = payload["event"]?.stringValue, !single.isEmpty {
            events = [single]
        } else {
            throw LivepeerError.unprocessable(#"must provide "events" field with subscriptions"#)
        }
        return Fields(name: payload["name"]?.stringValue ?? "", events: events, url: url,
                      sharedSecret: payload["sharedSecret"]?.stringValue, streamId: payload["streamId"]?.stringValue)
    }

    /// A webhook of the caller's user and project, not deleted; otherwise the 404 that does
    /// not reveal it exists.
    static func owned(_ id: String, by account: LivepeerAccount, in state: LivepeerState,
                      notFound: String = "not found") throws -> LivepeerWebhook {
        guard let webhook = state.webhooks[id], !webhook.deleted, webhook.userId == account.userId,
              webhook.projectId == account.projectId else {
            throw LivepeerError.notFound(notFound)
        }
        return webhook
    }

    /// `PATCH /webhook/{id}` (not in the spec): the given fields replace the stored ones; a
    /// `streamId` must name one of the user's streams.
    static func patch(_ id: String, with payload: LivepeerJSON, account: LivepeerAccount, state: inout LivepeerState) throws {
        var webhook = try owned(id, by: account, in: state, notFound: "webhook not found")
        if let streamId = payload["streamId"]?.stringValue, !streamId.isEmpty {
            guard let stream = state.streams[streamId], !stream.deleted, stream.userId == webhook.userId else {
                throw LivepeerError.notFound("stream not found")
            }
        }
        if let name = payload["name"]?.stringValue { webhook.name = name }
        if let events = payload["events"]?.arrayValue { webhook.events = events.compactMap(\.stringValue) }
        if let url = payload["url"]?.stringValue { webhook.url = url }
        if let secret = payload["sharedSecret"]?.stringValue { webhook.sharedSecret = secret }
        if let streamId = payload["streamId"]?.stringValue { webhook.streamId = streamId }
        state.webhooks[id] = webhook
    }
}
