import Foundation
import Hummingbird

/// `/multistream/target`: CRUD on multistream targets. `url` is write-only: no response
/// carries it (the server's `cleanWriteOnlyResponse`).
extension LivepeerEmulator {
    func addMultistreamRoutes(to routes: LivepeerRoutes) {
        routes.add(.get, "multistream/target") { call in try await self.listTargets(call) }
        routes.add(.post, "multistream/target") { call in
            let account = try await call.account()
            let payload = try await call.body(validatedAgainst: LivepeerSchemas.multistreamTarget)
            let now = self.now
            // Read-only fields the schema accepts (id, userId, createdAt) are ignored.
            let target = try await self.update { state in
                try LivepeerMultistreamRules.createTarget(
                    name: payload["name"]?.stringValue, url: payload["url"]?.stringValue ?? "",
                    disabled: payload["disabled"]?.boolValue, account: account, now: now, state: &state)
            }
            return LivepeerResponse.json(target.responseJSON, status: 201)
        }
        routes.add(.get, "multistream/target/:id") { call in
            let account = try await call.account()
            let target = try await self.store.read { try Self.ownedTarget(call.parameter("id"), by: account, in: $0) }
            return LivepeerResponse.json(target.responseJSON)
        }
        routes.add(.patch, "multistream/target/:id") { call in
            let account = try await call.account()
            let payload = try await call.body(validatedAgainst: LivepeerSchemas.multistreamTargetPatchPayload)
            try await self.update { state in
                var target = try Self.ownedTarget(call.parameter("id"), by: account, in: state)
                // Only these three, and only when given as a boolean or a non-empty string.
                if let disabled = payload["disabled"]?.boolValue { target.disabled = disabled }
                if let name = payload["name"]?.stringValue, !name.isEmpty { target.name = name }
                if let url = payload["url"]?.stringValue, !url.isEmpty { target.url = url }
                state.targets[target.id] = target
            }
            return LivepeerResponse.noContent
        }
        routes.add(.delete, "multistream/target/:id") { call in
            let account = try await call.account()
            try await self.update { state in
                let target = try Self.ownedTarget(call.parameter("id"), by: account, in: state)
                // A hard delete; streams that refer to it keep their references.
                state.targets[target.id] = nil
            }
            return LivepeerResponse.noContent
        }
    }

    /// `GET /multistream/target`. The spec declares no parameters, but the server requires
    /// `?userId=<own user id>` from non-admins (400 without, 403 with another's; FACTS §4).
    /// SDK 0.3.0 cannot send it, so its `get_all` fails against the server and here alike.
    private func listTargets(_ call: LivepeerCall) async throws -> Response {
        let account = try await call.account()
        guard let userId = call.query("userId"), !userId.isEmpty else {
            throw LivepeerError.badRequest("required query parameter: userId")
        }
        guard userId == account.userId else {
            throw LivepeerError.forbidden("users can only access their own multistream targets")
        }
        let owned = await store.read { $0.targets.values.filter { $0.userId == userId }.sorted { $0.sequence < $1.sequence } }
        let page = LivepeerPage(call: call)
        let items = page.slice(owned)
        let headers = !items.isEmpty && page.isFull(items.count)
            ? LivepeerPage.linkHeader(call.nextLink(cursor: page.nextCursor)) : HTTPFields()
        return LivepeerResponse.json(.array(items.map(\.responseJSON)), headers: headers)
    }

    /// Targets are scoped by user only, not by project.
    static func ownedTarget(_ id: String, by account: LivepeerAccount, in state: LivepeerState) throws -> LivepeerMultistreamTarget {
        guard let target = state.targets[id], target.userId == account.userId else { throw LivepeerError.notFound() }
        return target
    }
}
