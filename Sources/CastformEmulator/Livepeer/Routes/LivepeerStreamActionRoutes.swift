import Foundation
import Hummingbird

/// Actions on one stream: terminate, start-pull, and adding or removing one multistream target.
extension LivepeerEmulator {
    func addStreamActionRoutes(to routes: LivepeerRoutes) {
        routes.add(.delete, "stream/:id/terminate") { call in try await self.terminate(call) }
        routes.add(.post, "stream/:id/start-pull") { call in
            let account = try await call.account()
            let stream = try await self.store.read { try $0.ownedStream(call.parameter("id"), by: account) }
            // The media server would start pulling; the emulator only checks, as the API does.
            guard stream.pull != nil else { throw LivepeerError.badRequest("stream does not have a pull source") }
            return LivepeerResponse.noContent
        }
        routes.add(.post, "stream/:id/create-multistream-target") { call in try await self.addTarget(call) }
        routes.add(.delete, "stream/:id/multistream/:targetId") { call in
            let account = try await call.account()
            try await self.update { state in
                var stream = try state.ownedStream(call.parameter("id"), by: account)
                // Every reference goes, even none; the target resource itself stays.
                stream.multistreamTargets.removeAll { $0.id == call.parameter("targetId") }
                state.streams[stream.id] = stream
            }
            return LivepeerResponse.noContent
        }
    }

    /// `DELETE /stream/{id}/terminate`: 204, active or not. A second call within 5000 ms of the
    /// last (`lastTerminatedAt`) is a 429 (FACTS §2.6). The session is stopped.
    private func terminate(_ call: LivepeerCall) async throws -> Response {
        let account = try await call.account()
        let now = self.now
        try await update { state in
            var stream = try state.ownedStream(call.parameter("id"), by: account)
            if let last = stream.lastTerminatedAt, now - last < 5000 {
                throw LivepeerError.tooManyRequests("too many terminate requests")
            }
            stream.lastTerminatedAt = now
            LivepeerStreamPatch.stopSessions(of: &stream, state: &state)
            state.streams[stream.id] = stream
        }
        return LivepeerResponse.noContent
    }

    /// `POST /stream/{id}/create-multistream-target`. The spec says 204; the server answers
    /// 200 with the target, without its url (FACTS §2.10, studio PR #2006): the emulator
    /// follows the server, which is also why SDK 0.3.0's `add_multistream_target` fails there.
    private func addTarget(_ call: LivepeerCall) async throws -> Response {
        let account = try await call.account()
        let payload = try await call.body(validatedAgainst: LivepeerSchemas.targetAddPayload)
        let now = self.now
        let target = try await update { state in
            var stream = try state.ownedStream(call.parameter("id"), by: account, notFound: "stream not found")
            let names = try LivepeerMultistreamRules.profileNames(stream.profiles)
            let reference = try LivepeerMultistreamRules.resolveOne(payload, names: names, account: account, now: now, state: &state)
            let pairs = (stream.multistreamTargets + [reference]).map { "\($0.profile) -> \($0.id)" }
            if Set(pairs).count != pairs.count {
                throw LivepeerError.badRequest("multistream target {id,profile} must be unique")
            }
            stream.multistreamTargets.append(reference)
            state.streams[stream.id] = stream
            return state.targets[reference.id]
        }
        return LivepeerResponse.json(target?.responseJSON ?? .object([]))
    }
}
