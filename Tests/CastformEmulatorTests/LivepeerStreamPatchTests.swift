import CastformEmulator
import Foundation
import Testing

/// `PATCH /stream/{id}` (shallow merge, "not while active" rules) and `DELETE /stream/{id}`.
@Suite struct LivepeerStreamPatchTests {
    @Test func eachGivenFieldReplacesTheStoredOneWholesale() async throws {
        try await LivepeerHarness.with { lp in
            let stream = try await lp.createStream("""
                {"name":"s","record":true,"userTags":{"a":"1","b":"2"},
                 "multistream":{"targets":[{"profile":"source","spec":{"url":"rtmp://one.example/live/k1"}},
                                           {"profile":"240p0","spec":{"url":"rtmp://two.example/live/k2"}}]}}
                """)
            let id = try #require(stream["id"] as? String)
            let patch = try await lp.send("PATCH", "/stream/\(id)", json: """
                {"userTags":{"c":3},"multistream":{"targets":[{"profile":"360p0","spec":{"url":"rtmp://three.example/live/k3"}}]},"name":"renamed"}
                """)
            #expect(patch.status == 204 && patch.body.isEmpty)
            let after = try await lp.send("GET", "/stream/\(id)").object
            #expect((after["userTags"] as? [String: Any])?.keys.sorted() == ["c"], "no deep merge")
            let targets = (after["multistream"] as? [String: Any])?["targets"] as? [[String: Any]]
            #expect(targets?.map { $0["profile"] as? String } == ["360p0"])
            #expect(after["name"] as? String == "renamed")
            #expect(after["record"] as? Bool == true, "fields not given stay")
            #expect(await lp.emulator.targets.count == 3, "replaced references do not delete targets")

            #expect(try await lp.send("PATCH", "/stream/\(id)", json: "{}").status == 204)
            #expect(try await lp.send("PATCH", "/stream/\(id)", json: #"{"playbackPolicy":{"type":"jwt"}}"#).status == 204)
            // null is accepted and ignored: only a truthy policy is applied.
            #expect(try await lp.send("PATCH", "/stream/\(id)", json: #"{"playbackPolicy":null}"#).status == 204)
            let policy = try await lp.send("GET", "/stream/\(id)").object["playbackPolicy"] as? [String: Any]
            #expect(policy?["type"] as? String == "jwt")
        }
    }

    @Test func patchCannotChangePullOrUnknownFields() async throws {
        try await LivepeerHarness.with { lp in
            let stream = try await lp.createStream(#"{"name":"s","pull":{"source":"https://origin.example/live.flv"}}"#)
            let id = try #require(stream["id"] as? String)
            let reply = try await lp.send("PATCH", "/stream/\(id)", json: #"{"pull":{"source":"https://other.example/x.flv"}}"#)
            #expect(reply.status == 422)
            #expect(reply.errors == [##"{"instancePath":"","schemaPath":"#/additionalProperties","keyword":"additionalProperties","params":{"additionalProperty":"pull"},"message":"must NOT have additional properties"}"##])
            // Validation comes before the lookup.
            #expect(try await lp.send("PATCH", "/stream/nope", json: #"{"record":"yes"}"#).status == 422)
            #expect(try await lp.send("PATCH", "/stream/nope", json: #"{"record":true}"#).status == 404)
        }
    }

    @Test func recordAndProfilesCannotChangeWhileActive() async throws {
        try await LivepeerHarness.with { lp in
            let stream = try await lp.createStream(#"{"name":"s","record":false}"#)
            let id = try #require(stream["id"] as? String)
            #expect(try await lp.emulator.setActive(id, true))

            let record = try await lp.send("PATCH", "/stream/\(id)", json: #"{"record":true}"#)
            #expect(record.status == 400 && record.errors == ["cannot change 'record' field while stream is active"])
            #expect(try await lp.send("PATCH", "/stream/\(id)", json: #"{"record":false}"#).status == 204, "not a change")
            let profiles = try await lp.send("PATCH", "/stream/\(id)", json: #"{"profiles":[]}"#)
            #expect(profiles.status == 400 && profiles.errors == ["cannot change 'profiles' field while stream is active"])
            #expect(try await lp.send("PATCH", "/stream/\(id)", json: #"{"userTags":{"live":"yes"}}"#).status == 204)

            // Suspending ends the live session, after which both may change.
            #expect(try await lp.send("PATCH", "/stream/\(id)", json: #"{"suspended":true}"#).status == 204)
            #expect(await lp.emulator.streams.first?.isActive == false)
            #expect(try await lp.emulator.setActive(id, true) == false, "a suspended stream cannot go live")

            #expect(try await lp.emulator.setActive(id, false))
            #expect(try await lp.send("PATCH", "/stream/\(id)", json: #"{"record":true,"profiles":[]}"#).status == 204)
            #expect(await lp.emulator.streams.first?.record == true)
            #expect(await lp.emulator.streams.first?.profiles == [])
        }
    }

    @Test func recordingSpecNeedsRecordFromThePatchOrTheStoredStream() async throws {
        try await LivepeerHarness.with { lp in
            let stream = try await lp.createStream(#"{"name":"s"}"#)
            let id = try #require(stream["id"] as? String)
            let spec = #""recordingSpec":{"profiles":[{"bitrate":1000000}]}"#
            let refused = try await lp.send("PATCH", "/stream/\(id)", json: "{\(spec)}")
            #expect(refused.status == 400 && refused.errors == ["recordingSpec is only supported with record=true"])
            #expect(try await lp.send("PATCH", "/stream/\(id)", json: #"{"record":true,\#(spec)}"#).status == 204)
            #expect(try await lp.send("PATCH", "/stream/\(id)", json: #"{"recordingSpec":{"profiles":null}}"#).status == 204)
            let after = try await lp.send("GET", "/stream/\(id)").object
            #expect((after["recordingSpec"] as? [String: Any])?.isEmpty == true, "null profiles are dropped")
        }
    }

    @Test func multistreamIsCheckedAgainstTheStoredProfiles() async throws {
        try await LivepeerHarness.with { lp in
            let stream = try await lp.createStream(#"{"name":"s"}"#)
            let id = try #require(stream["id"] as? String)
            let reply = try await lp.send("PATCH", "/stream/\(id)", json: """
                {"profiles":[{"name":"1080p","width":1920,"height":1080,"bitrate":6000000,"fps":30}],
                 "multistream":{"targets":[{"profile":"1080p","spec":{"url":"rtmp://h.example/k"}}]}}
                """)
            #expect(reply.status == 400)
            #expect(reply.errors == [#"multistream target profile not found: "1080p". available: ["240p0","360p0","480p0","720p0","source"]"#])
        }
    }

    @Test func sessionsCannotBePatched() async throws {
        try await LivepeerHarness.with { lp in
            let stream = try await lp.createStream()
            let id = try #require(stream["id"] as? String)
            try await lp.emulator.setActive(id, true)
            let session = try #require(await lp.emulator.sessions.first)
            #expect(session.parentId == id)
            let reply = try await lp.send("PATCH", "/stream/\(session.id)", json: #"{"name":"x"}"#)
            #expect(reply.status == 400 && reply.errors == ["can't patch stream session"])
        }
    }

    @Test func deleteIsA204SoftDeleteAfterWhichTheStreamIs404() async throws {
        try await LivepeerHarness.with { lp in
            let stream = try await lp.createStream()
            let id = try #require(stream["id"] as? String)
            let deleted = try await lp.send("DELETE", "/stream/\(id)")
            #expect(deleted.status == 204 && deleted.body.isEmpty)
            #expect(try await lp.send("GET", "/stream/\(id)").status == 404)
            #expect(try await lp.send("PATCH", "/stream/\(id)", json: "{}").status == 404)
            #expect(try await lp.send("DELETE", "/stream/\(id)").status == 404)
            #expect(try await lp.send("GET", "/stream").array.isEmpty)
            #expect(await lp.emulator.streams.isEmpty)
        }
    }

    @Test func bulkDeleteNeedsIdsAllOwnedByTheCaller() async throws {
        try await LivepeerHarness.with { lp in
            let a = try #require(try await lp.createStream()["id"] as? String)
            let b = try #require(try await lp.createStream()["id"] as? String)
            let none = try await lp.send("DELETE", "/stream", json: #"{"ids":[]}"#)
            #expect(none.status == 422 && none.errors == ["missing ids"])
            #expect(try await lp.send("DELETE", "/stream", json: #"{"ids":["\#(a)","nope"]}"#).status == 404)
            #expect(await lp.emulator.streams.count == 2, "nothing deleted")
            #expect(try await lp.send("DELETE", "/stream", json: #"{"ids":["\#(a)","\#(b)"]}"#).status == 204)
            #expect(await lp.emulator.streams.isEmpty)
        }
    }
}
