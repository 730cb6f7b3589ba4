import Foundation
import Hummingbird

/// `/stream`: create, list, get, update and delete streams.
extension LivepeerEmulator {
    func addStreamRoutes(to routes: LivepeerRoutes) {
        routes.add(.post, "stream") { call in try await self.createStream(call) }
        routes.add(.get, "stream") { call in try await self.listStreams(call) }
        routes.add(.delete, "stream") { call in try await self.deleteStreams(call) }
        routes.add(.get, "stream/:id") { call in
            let account = try await call.account()
            let stream = try await self.store.read { try $0.ownedStream(call.parameter("id"), by: account) }
            return LivepeerResponse.json(stream.responseJSON)
        }
        routes.add(.patch, "stream/:id") { call in
            let account = try await call.account()
            let payload = try await call.body(validatedAgainst: LivepeerSchemas.streamPatchPayload)
            let now = self.now
            try await self.update { try LivepeerStreamPatch.apply(payload, to: call.parameter("id"), account: account, now: now, state: &$0) }
            return LivepeerResponse.noContent
        }
        routes.add(.delete, "stream/:id") { call in
            let account = try await call.account()
            try await self.update { state in
                var stream = try state.ownedStream(call.parameter("id"), by: account)
                // A soft delete; any live session is torn down.
                stream.deleted = true
                LivepeerStreamPatch.stopSessions(of: &stream, state: &state)
                state.streams[stream.id] = stream
            }
            return LivepeerResponse.noContent
        }
    }

    /// `POST /stream`: 201 with the new stream (spec and server agree).
    private func createStream(_ call: LivepeerCall) async throws -> Response {
        let account = try await call.account()
        let payload = try await call.body(validatedAgainst: LivepeerSchemas.newStreamPayload)
        // Pull streams need the `stream-pull-source` experiment on the real server (403
        // otherwise); every emulated account is in it, since whether production still gates
        // pull is unknown (FACTS §2.1).
        if call.query("autoStartPull") == "true" {
            let existing = try await store.read { try LivepeerStreamCreation.existingPullStream(for: payload, account: account, state: $0) }
            if let existing { return LivepeerResponse.json(existing.responseJSON) }
        }
        let now = self.now
        let stream = try await update { try LivepeerStreamCreation.create(from: payload, account: account, now: now, state: &$0) }
        return LivepeerResponse.json(stream.responseJSON, status: 201)
    }

    /// `DELETE /stream` with `{"ids": [...]}`: not in the spec, but served. All the ids must
    /// be the caller's (else 404, deleting nothing); no ids is a 422.
    private func deleteStreams(_ call: LivepeerCall) async throws -> Response {
        let account = try await call.account()
        let ids = try await call.jsonBody()["ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
        guard !ids.isEmpty else { throw LivepeerError.unprocessable("missing ids") }
        try await update { state in
            let streams = try ids.map { try state.ownedStream($0, by: account) }
            for var stream in streams {
                stream.deleted = true
                LivepeerStreamPatch.stopSessions(of: &stream, state: &state)
                state.streams[stream.id] = stream
            }
        }
        return LivepeerResponse.noContent
    }

    /// `GET /stream`: a page of the caller's streams (and session objects, unless
    /// `streamsonly`). `Link` announces the next page only when this one came back full;
    /// `count` adds `X-Total-Count`, set per returned row, so not on an empty page.
    private func listStreams(_ call: LivepeerCall) async throws -> Response {
        let account = try await call.account()
        let all = await store.read { $0.streams(of: account) }
        let selected = try LivepeerStreamListing.select(all, call: call, account: account)
        let page = LivepeerPage(call: call)
        let items = page.slice(selected)
        var headers = page.isFull(items.count) ? LivepeerPage.linkHeader(call.nextLink(cursor: page.nextCursor)) : HTTPFields()
        if call.query("count")?.isEmpty == false, !items.isEmpty {
            headers[.init("X-Total-Count")!] = String(selected.count)
        }
        return LivepeerResponse.json(.array(items.map(\.responseJSON)), headers: headers)
    }
}
