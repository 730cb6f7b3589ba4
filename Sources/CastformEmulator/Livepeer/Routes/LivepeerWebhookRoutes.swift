import Foundation
import Hummingbird

/// `/webhook`: CRUD on webhooks, with the server's status codes where they differ from the
/// spec (FACTS §5): create answers 201, not 200; delete answers 204, not 200 with a body.
extension LivepeerEmulator {
    func addWebhookRoutes(to routes: LivepeerRoutes) {
        routes.add(.get, "webhook") { call in try await self.listWebhooks(call) }
        routes.add(.post, "webhook") { call in
            let account = try await call.account()
            let payload = try await call.body(validatedAgainst: LivepeerSchemas.webhook)
            let now = self.now
            let webhook = try await self.update { state in
                let fields = try LivepeerWebhookRules.fields(from: payload)
                let webhook = LivepeerWebhook(
                    id: LivepeerKeys.id(), userId: account.userId, projectId: account.projectId, createdAt: now,
                    name: fields.name, events: fields.events, url: fields.url, sharedSecret: fields.sharedSecret,
                    streamId: fields.streamId, deleted: false, sequence: state.sequence())
                state.webhooks[webhook.id] = webhook
                return webhook
            }
            // The stored document, `sharedSecret` included.
            return LivepeerResponse.json(webhook.responseJSON, status: 201)
        }
        routes.add(.get, "webhook/:id") { call in
            let account = try await call.account()
            let webhook = try await self.store.read { try LivepeerWebhookRules.owned(call.parameter("id"), by: account, in: $0) }
            return LivepeerResponse.json(webhook.responseJSON)
        }
        routes.add(.put, "webhook/:id") { call in try await self.replaceWebhook(call) }
        routes.add(.patch, "webhook/:id") { call in
            let account = try await call.account()
            let payload = try await call.body(validatedAgainst: LivepeerSchemas.webhookPatchPayload)
            try await self.update { try LivepeerWebhookRules.patch(call.parameter("id"), with: payload, account: account, state: &$0) }
            return LivepeerResponse.noContent
        }
        routes.add(.delete, "webhook/:id") { call in
            let account = try await call.account()
            try await self.update { state in
                let webhook = try LivepeerWebhookRules.owned(call.parameter("id"), by: account, in: state)
                state.webhooks[webhook.id]?.deleted = true
            }
            return LivepeerResponse.noContent
        }
    }

    /// `PUT /webhook/{id}`: a full replace, but the server finds the webhook by the *body's*
    /// `id`, not the path's (a body without `id` is a 404), and answers 200 `{"id": ...}`.
    private func replaceWebhook(_ call: LivepeerCall) async throws -> Response {
        let account = try await call.account()
        let payload = try await call.body(validatedAgainst: LivepeerSchemas.webhook)
        let id = payload["id"]?.stringValue ?? ""
        try await update { state in
            var webhook = try LivepeerWebhookRules.owned(id, by: account, in: state)
            let fields = try LivepeerWebhookRules.fields(from: payload)
            webhook.name = fields.name
            webhook.events = fields.events
            webhook.url = fields.url
            webhook.sharedSecret = fields.sharedSecret
            webhook.streamId = fields.streamId
            state.webhooks[webhook.id] = webhook
        }
        return LivepeerResponse.json(.fields(["id": LivepeerJSON(id)]))
    }

    /// `GET /webhook`. The server sets `Link` whenever the page is not empty, even when there
    /// is no next cursor, which then reads `cursor=undefined` (FACTS §1).
    private func listWebhooks(_ call: LivepeerCall) async throws -> Response {
        let account = try await call.account()
        let owned = await store.read { state in
            state.webhooks.values.filter { !$0.deleted && $0.userId == account.userId && $0.projectId == account.projectId }
                .sorted { $0.sequence < $1.sequence }
        }
        let page = LivepeerPage(call: call)
        let items = page.slice(owned)
        var headers = HTTPFields()
        if !items.isEmpty {
            headers = LivepeerPage.linkHeader(call.nextLink(cursor: page.isFull(items.count) ? page.nextCursor : "undefined"))
        }
        if call.query("count")?.isEmpty == false, !items.isEmpty {
            headers[.init("X-Total-Count")!] = String(owned.count)
        }
        return LivepeerResponse.json(.array(items.map(\.responseJSON)), headers: headers)
    }
}
