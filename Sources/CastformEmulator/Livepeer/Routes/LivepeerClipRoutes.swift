import Foundation
import Hummingbird

/// Clips: `POST /clip` cuts one from a live (or recorded) session of a stream;
/// `GET /stream/{id}/clips` lists them.
extension LivepeerEmulator {
    func addClipRoutes(to routes: LivepeerRoutes) {
        routes.add(.post, "clip") { call in try await self.createClip(call) }
        routes.add(.get, "stream/:id/clips") { call in try await self.listClips(call) }
    }

    /// `POST /clip`: 200 with `{"task": {"id"}, "asset"}`. The asset starts `waiting`; the
    /// emulator's clip task then finishes at once, so it reads `ready` afterwards.
    private func createClip(_ call: LivepeerCall) async throws -> Response {
        let account = try await call.account()
        let payload = try await call.body(validatedAgainst: LivepeerSchemas.clipPayload)
        let startTime = payload["startTime"]?.numberValue ?? 0
        let endTime = payload["endTime"]?.numberValue
        if let endTime, endTime <= startTime { throw LivepeerError.unprocessable("endTime must occur after startTime") }
        let now = self.now
        let clip = try await update { state in
            let playbackId = payload["playbackId"]?.stringValue ?? ""
            guard let stream = state.stream(playbackId: playbackId), !stream.deleted else {
                throw LivepeerError.notFound("Content not found")
            }
            guard stream.userId == account.userId else {
                throw LivepeerError.forbidden("You do not have permission to clip this stream")
            }
            if stream.suspended == true { throw LivepeerError.notFound("Content not found") }
            let session = try Self.clipSession(payload["sessionId"]?.stringValue, of: stream, in: state)
            let id = LivepeerKeys.id()
            let assetPlaybackId = LivepeerKeys.playbackId(for: id, in: state)
            let name = payload["name"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "clip-\(assetPlaybackId)"
            var clip = LivepeerClip(
                id: id, playbackId: assetPlaybackId, userId: stream.userId, projectId: account.projectId, createdAt: now,
                name: name, sourcePlaybackId: playbackId, sessionId: session.id, streamId: stream.id,
                startTime: startTime, endTime: endTime, phase: "ready", updatedAt: now, sequence: state.sequence())
            state.clips[id] = clip
            clip.phase = "waiting"
            return clip
        }
        return LivepeerResponse.json(.fields([
            "task": .fields(["id": LivepeerJSON(LivepeerKeys.id())]),
            "asset": clip.responseJSON,
        ]))
    }

    /// The session to clip: the given one, which must belong to the stream, or else the last.
    /// A stream that was never live has none, and the server then fails with a bare `Error`.
    private static func clipSession(_ sessionId: String?, of stream: LivepeerStream,
                                    in state: LivepeerState) throws -> LivepeerStream {
        guard let sessionId, !sessionId.isEmpty else {
            guard let last = LivepeerSessions.last(of: stream.id, in: state) else {
                throw LivepeerError.internalError("Error")
            }
            return last
        }
        guard let session = state.streams[sessionId], session.isSession else {
            throw LivepeerError.notFound("Session not found")
        }
        guard session.parentId == stream.id else {
            throw LivepeerError.notFound("The provided session id does not belong to this stream")
        }
        return session
    }

    /// `GET /stream/{id}/clips`: `{id}` is the stream's id or playback id. The caller's clips
    /// from that stream's sessions, most recently updated first.
    private func listClips(_ call: LivepeerCall) async throws -> Response {
        let account = try await call.account()
        let key = call.parameter("id")
        let clips = try await store.read { state in
            guard let stream = state.streams[key] ?? state.stream(playbackId: key), !stream.deleted else {
                throw LivepeerError.notFound("Stream not found")
            }
            return state.clips.values.filter { $0.streamId == stream.id && $0.userId == account.userId }
                .sorted { ($0.updatedAt, $0.createdAt, $0.sequence) > ($1.updatedAt, $1.createdAt, $1.sequence) }
        }
        let page = LivepeerPage(call: call)
        let items = page.slice(clips)
        let headers = !items.isEmpty && page.isFull(items.count)
            ? LivepeerPage.linkHeader(call.nextLink(cursor: page.nextCursor)) : HTTPFields()
        return LivepeerResponse.json(.array(items.map(\.responseJSON)), headers: headers)
    }
}
