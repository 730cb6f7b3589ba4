import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// terminate, start-pull, and adding/removing one multistream target.
@Suite struct LivepeerStreamActionTests {
    @Test func terminateIs204AndA429WithinFiveSeconds() async throws {
        let clock = ManualClock(date: Date(timeIntervalSince1970: 1_700_000_000))
        try await LivepeerHarness.with(LivepeerEmulator(now: { clock.date })) { lp in
            let stream = try await lp.createStream()
            let id = try #require(stream["id"] as? String)
            try await lp.emulator.setActive(id, true)

            let first = try await lp.send("DELETE", "/stream/\(id)/terminate")
            #expect(first.status == 204 && first.body.isEmpty)
            #expect(await lp.emulator.streams.first?.isActive == false, "the session is stopped")
            #expect(await lp.emulator.sessions.allSatisfy { !$0.isActive })
            let after = try await lp.send("GET", "/stream/\(id)").object
            #expect(after["lastTerminatedAt"] as? Int64 == Int64((clock.date.timeIntervalSince1970 * 1000).rounded()))

            clock.advance(by: .milliseconds(4999))
            let second = try await lp.send("DELETE", "/stream/\(id)/terminate")
            #expect(second.status == 429 && second.errors == ["too many terminate requests"])
            clock.advance(by: .milliseconds(1))
            #expect(try await lp.send("DELETE", "/stream/\(id)/terminate").status == 204, "inactive streams too")
            #expect(try await lp.send("DELETE", "/stream/nope/terminate").status == 404)
        }
    }

    @Test func startPullNeedsAPullSource() async throws {
        try await LivepeerHarness.with { lp in
            let pushed = try await lp.createStream()
            let refused = try await lp.send("POST", "/stream/\(pushed["id"] as? String ?? "")/start-pull")
            #expect(refused.status == 400 && refused.errors == ["stream does not have a pull source"])
            let pulled = try await lp.createStream(#"{"name":"p","pull":{"source":"https://origin.example/live.flv","headers":{"Authorization":"Bearer x"},"isMobile":2,"location":{"lat":39.7,"lon":-104.9}}}"#)
            #expect(pulled["streamKey"] is String, "pull streams get a key too")
            #expect(((pulled["pull"] as? [String: Any])?["headers"] as? [String: Any])?["Authorization"] as? String == "Bearer x")
            #expect(try await lp.send("POST", "/stream/\(pulled["id"] as? String ?? "")/start-pull").status == 204)
        }
    }

    @Test func autoStartPullReturnsTheExistingStreamForTheSameSource() async throws {
        try await LivepeerHarness.with { lp in
            let body = #"{"name":"p","pull":{"source":"https://origin.example/a.flv"}}"#
            let first = try await lp.createStream(body)
            let again = try await lp.send("POST", "/stream?autoStartPull=true", json: body)
            #expect(again.status == 200)
            #expect(again.object["id"] as? String == first["id"] as? String)
            #expect(await lp.emulator.streams.count == 1)
        }
    }

    @Test func addingATargetAnswers200WithItAndRemovingIt204() async throws {
        try await LivepeerHarness.with { lp in
            let stream = try await lp.createStream()
            let id = try #require(stream["id"] as? String)
            let added = try await lp.send("POST", "/stream/\(id)/create-multistream-target",
                                          json: #"{"profile":"720p0","videoOnly":true,"spec":{"name":"yt","url":"rtmp://yt.example/live/SECRET"}}"#)
            #expect(added.status == 200, "the spec says 204; the server answers 200 with the target")
            #expect(added.object["name"] as? String == "yt" && added.object["url"] == nil)
            let targetId = try #require(added.object["id"] as? String)
            let again = try await lp.send("POST", "/stream/\(id)/create-multistream-target", json: #"{"profile":"720p0","id":"\#(targetId)"}"#)
            #expect(again.status == 400 && again.errors == ["multistream target {id,profile} must be unique"])
            let missing = try await lp.send("POST", "/stream/nope/create-multistream-target", json: #"{"profile":"source","id":"\#(targetId)"}"#)
            #expect(missing.status == 404 && missing.errors == ["stream not found"])

            #expect(try await lp.send("DELETE", "/stream/\(id)/multistream/\(targetId)").status == 204)
            #expect(await lp.emulator.streams.first?.multistreamTargets.isEmpty == true)
            #expect(await lp.emulator.targets.count == 1, "the target itself stays")
        }
    }

    @Test func clipsAreCutFromTheLastSessionAndListedByStream() async throws {
        try await LivepeerHarness.with { lp in
            let stream = try await lp.createStream(#"{"name":"s","record":true}"#)
            let id = try #require(stream["id"] as? String)
            let playbackId = try #require(stream["playbackId"] as? String)

            let neverLive = try await lp.send("POST", "/clip", json: #"{"playbackId":"\#(playbackId)","startTime":1000}"#)
            #expect(neverLive.status == 500 && neverLive.errors == ["Internal server error: Error"])
            try await lp.emulator.setActive(id, true)
            let session = try #require(await lp.emulator.sessions.first)

            let reply = try await lp.send("POST", "/clip", json: #"{"playbackId":"\#(playbackId)","startTime":1000,"endTime":31000,"name":"best bit"}"#)
            #expect(reply.status == 200)
            #expect((reply.object["task"] as? [String: Any])?["id"] is String)
            let asset = try #require(reply.object["asset"] as? [String: Any])
            #expect(asset["name"] as? String == "best bit")
            #expect((asset["status"] as? [String: Any])?["phase"] as? String == "waiting")
            let source = asset["source"] as? [String: Any]
            #expect(source?["type"] as? String == "clip" && source?["sessionId"] as? String == session.id)

            let unnamed = try await lp.send("POST", "/clip", json: #"{"playbackId":"\#(playbackId)","startTime":5,"sessionId":"\#(session.id)"}"#)
            let unnamedAsset = unnamed.object["asset"] as? [String: Any]
            #expect(unnamedAsset?["name"] as? String == "clip-\(unnamedAsset?["playbackId"] as? String ?? "")")

            let byId = try await lp.send("GET", "/stream/\(id)/clips")
            #expect(byId.status == 200 && byId.array.count == 2)
            #expect(byId.array.allSatisfy { ($0["status"] as? [String: Any])?["phase"] as? String == "ready" })
            #expect(try await lp.send("GET", "/stream/\(playbackId)/clips").array.count == 2)
            #expect(await lp.emulator.clips.count == 2)

            let backwards = try await lp.send("POST", "/clip", json: #"{"playbackId":"\#(playbackId)","startTime":10,"endTime":10}"#)
            #expect(backwards.status == 422 && backwards.errors == ["endTime must occur after startTime"])
            let unknown = try await lp.send("POST", "/clip", json: #"{"playbackId":"nope","startTime":1}"#)
            #expect(unknown.status == 404 && unknown.errors == ["Content not found"])
            let foreign = try await lp.send("POST", "/clip", json: #"{"playbackId":"\#(playbackId)","startTime":1,"sessionId":"nope"}"#)
            #expect(foreign.status == 404 && foreign.errors == ["Session not found"])
            let noStream = try await lp.send("GET", "/stream/nope/clips")
            #expect(noStream.status == 404 && noStream.errors == ["Stream not found"])
        }
    }
}
