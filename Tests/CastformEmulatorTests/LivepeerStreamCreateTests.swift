import CastformEmulator
import Foundation
import Testing

/// `POST /stream` and `GET /stream/{id}`: server defaults, generated keys, echoed fields.
@Suite struct LivepeerStreamCreateTests {
    @Test func createAnswers201WithTheServersDefaultsAndKeys() async throws {
        try await LivepeerHarness.with { lp in
            let before = Int64(Date().timeIntervalSince1970 * 1000)
            let reply = try await lp.send("POST", "/stream", json: #"{"name":"main stage","userTags":{"castform":"livepeer_stream.main","n":2}}"#)
            #expect(reply.status == 201)
            #expect(reply.headers["content-type"] == "application/json; charset=utf-8")
            let stream = reply.object
            let id = try #require(stream["id"] as? String)
            #expect(id.range(of: #"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#, options: .regularExpression) != nil)
            let streamKey = try #require(stream["streamKey"] as? String)
            #expect(streamKey.range(of: #"^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$"#, options: .regularExpression) != nil)
            #expect(streamKey.prefix(4) == id.prefix(4))
            let playbackId = try #require(stream["playbackId"] as? String)
            #expect(playbackId.range(of: #"^[0-9a-z]{16}$"#, options: .regularExpression) != nil)
            #expect(playbackId.prefix(4) == id.prefix(4))
            #expect(playbackId != streamKey.replacingOccurrences(of: "-", with: ""))

            let profiles = try #require(stream["profiles"] as? [[String: Any]])
            #expect(profiles.map { $0["name"] as? String } == ["240p0", "360p0", "480p0", "720p0"])
            #expect(profiles.map { $0["bitrate"] as? Int } == [250_000, 800_000, 1_600_000, 3_000_000])
            #expect(profiles.allSatisfy { $0["fps"] as? Int == 0 && $0["profile"] as? String == "H264ConstrainedHigh" })
            #expect(stream["record"] as? Bool == false)
            #expect(stream["suspended"] as? Bool == false)
            #expect(stream["isActive"] as? Bool == false)
            #expect(stream["lastSeen"] as? Int == 0)
            #expect(stream["kind"] as? String == "stream")
            #expect(stream["lastTerminatedAt"] is NSNull)
            #expect(stream["playbackPolicy"] == nil, "absent means public")
            #expect((stream["multistream"] as? [String: Any])?["targets"] as? [Any] != nil)
            #expect((stream["userTags"] as? [String: Any])?["castform"] as? String == "livepeer_stream.main")
            let createdAt = try #require(stream["createdAt"] as? Int64)
            #expect(createdAt >= before && createdAt <= before + 60_000, "milliseconds")
            let account = try #require(await lp.emulator.account(forAPIKey: LivepeerHarness.key))
            #expect(stream["userId"] as? String == account.userId)
            #expect(stream["projectId"] as? String == account.projectId)

            let fetched = try await lp.send("GET", "/stream/\(id)")
            #expect(fetched.status == 200)
            #expect(fetched.object["streamKey"] as? String == streamKey)
            #expect(await lp.emulator.streams.map(\.id) == [id])
        }
    }

    @Test func nullProfilesGetTheDefaultsAndAnEmptyListIsKept() async throws {
        try await LivepeerHarness.with { lp in
            let defaulted = try await lp.createStream(#"{"name":"a","profiles":null}"#)
            #expect((defaulted["profiles"] as? [Any])?.count == 4)
            let empty = try await lp.createStream(#"{"name":"b","profiles":[]}"#)
            #expect((empty["profiles"] as? [Any])?.count == 0)
            let custom = try await lp.createStream(#"{"name":"c","profiles":[{"name":"720p","width":1280,"height":720,"bitrate":3000000,"fps":30,"gop":"2"}]}"#)
            let profile = try #require((custom["profiles"] as? [[String: Any]])?.first)
            #expect(profile["gop"] as? String == "2")
            #expect(profile["profile"] == nil, "no default H.264 profile is added to the client's")
        }
    }

    @Test func namesAreNotUniqueAndStringCreatorIdsBecomeUnverified() async throws {
        try await LivepeerHarness.with { lp in
            let first = try await lp.createStream(#"{"name":"same","creatorId":"dj-42"}"#)
            _ = try await lp.createStream(#"{"name":"same"}"#)
            #expect(await lp.emulator.streams.count == 2)
            let creator = first["creatorId"] as? [String: Any]
            #expect(creator?["type"] as? String == "unverified" && creator?["value"] as? String == "dj-42")
        }
    }

    @Test func anInlineMultistreamSpecBecomesATargetResource() async throws {
        try await LivepeerHarness.with { lp in
            let stream = try await lp.createStream("""
                {"name":"s","profiles":[{"name":"720p","width":1280,"height":720,"bitrate":3000000,"fps":30}],
                 "multistream":{"targets":[{"profile":"720p","videoOnly":false,"spec":{"url":"rtmp://a.rtmp.youtube.com/live2/SECRET"}},
                                           {"profile":"source","spec":{"name":"twitch","url":"rtmps://live.twitch.tv/app/KEY"}}]}}
                """)
            let targets = try #require((stream["multistream"] as? [String: Any])?["targets"] as? [[String: Any]])
            #expect(targets.count == 2)
            #expect(targets.allSatisfy { $0["spec"] == nil && $0["id"] is String })
            #expect(targets[0]["videoOnly"] as? Bool == false)
            #expect(targets[1]["videoOnly"] == nil, "the spec's default is not applied")
            let stored = await lp.emulator.targets
            #expect(stored.map(\.url) == ["rtmp://a.rtmp.youtube.com/live2/SECRET", "rtmps://live.twitch.tv/app/KEY"])
            #expect(stored.map(\.name) == ["a.rtmp.youtube.com", "twitch"], "the name defaults to the URL's host")
            #expect(stored.map(\.id) == targets.map { $0["id"] as? String })
            #expect(!String(decoding: try JSONSerialization.data(withJSONObject: stream), as: UTF8.self).contains("SECRET"))
        }
    }

    @Test func unknownAndDeletedStreamsAre404() async throws {
        try await LivepeerHarness.with { lp in
            let missing = try await lp.send("GET", "/stream/9b7c7a3e-0000-4000-8000-000000000000")
            #expect(missing.status == 404)
            #expect(missing.text == #"{"errors":["not found"]}"#)
            let unknownRoute = try await lp.send("GET", "/streams")
            #expect(unknownRoute.status == 404 && unknownRoute.errors == ["not found"])
            let unknownMethod = try await lp.send("PUT", "/stream/9b7c7a3e-0000-4000-8000-000000000000", json: "{}")
            #expect(unknownMethod.status == 404 && unknownMethod.text == #"{"errors":["not found"]}"#)
        }
    }

    @Test func anotherUsersStreamIsNotFound() async throws {
        let emulator = LivepeerEmulator(apiKeys: [LivepeerHarness.key, "other-key"])
        try await LivepeerHarness.with(emulator) { lp in
            let stream = try await lp.createStream()
            let id = try #require(stream["id"] as? String)
            #expect(try await lp.send("GET", "/stream/\(id)", key: "other-key").status == 404)
            #expect(try await lp.send("GET", "/stream", key: "other-key").array.isEmpty)
        }
    }
}
