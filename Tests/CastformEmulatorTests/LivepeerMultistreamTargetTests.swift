import CastformEmulator
import Foundation
import Testing

/// `/multistream/target`: CRUD, `url` write-only, the server's `userId` requirement.
@Suite struct LivepeerMultistreamTargetTests {
    @Test func targetsAreCreatedReadUpdatedAndDeletedWithoutEverShowingTheirURL() async throws {
        try await LivepeerHarness.with { lp in
            let created = try await lp.send("POST", "/multistream/target", json: #"{"url":"rtmps://live.example.tv:443/app/SECRET-KEY"}"#)
            #expect(created.status == 201)
            #expect(Set(created.object.keys) == ["id", "name", "userId", "disabled", "createdAt"])
            #expect(created.object["name"] as? String == "live.example.tv:443")
            #expect(created.object["disabled"] as? Bool == false)
            let id = try #require(created.object["id"] as? String)
            #expect(await lp.emulator.targets.first?.url == "rtmps://live.example.tv:443/app/SECRET-KEY")

            let fetched = try await lp.send("GET", "/multistream/target/\(id)")
            #expect(fetched.status == 200 && !fetched.text.contains("SECRET"))

            let patched = try await lp.send("PATCH", "/multistream/target/\(id)", json: #"{"name":"YouTube","url":"rtmp://a.example/live/NEW","disabled":true}"#)
            #expect(patched.status == 204)
            let target = try #require(await lp.emulator.targets.first)
            #expect(target.name == "YouTube" && target.url == "rtmp://a.example/live/NEW" && target.disabled)
            // An empty name is ignored rather than stored.
            #expect(try await lp.send("PATCH", "/multistream/target/\(id)", json: #"{"name":""}"#).status == 204)
            #expect(await lp.emulator.targets.first?.name == "YouTube")

            #expect(try await lp.send("DELETE", "/multistream/target/\(id)").status == 204)
            #expect(try await lp.send("GET", "/multistream/target/\(id)").status == 404)
            #expect(await lp.emulator.targets.isEmpty, "a hard delete")
        }
    }

    @Test func listingRequiresTheCallersUserId() async throws {
        try await LivepeerHarness.with { lp in
            _ = try await lp.send("POST", "/multistream/target", json: #"{"name":"a","url":"srt://srt.example:9000?streamid=x"}"#)
            let account = try #require(await lp.emulator.account(forAPIKey: LivepeerHarness.key))
            let bare = try await lp.send("GET", "/multistream/target")
            #expect(bare.status == 400 && bare.errors == ["required query parameter: userId"])
            let other = try await lp.send("GET", "/multistream/target?userId=someone-else")
            #expect(other.status == 403 && other.errors == ["users can only access their own multistream targets"])
            let own = try await lp.send("GET", "/multistream/target?userId=\(account.userId)")
            #expect(own.status == 200 && own.array.count == 1 && own.array.first?["url"] == nil)
        }
    }

    @Test func urlsAreCheckedByPatternThenFormatThenParse() async throws {
        try await LivepeerHarness.with { lp in
            let http = try await lp.send("POST", "/multistream/target", json: #"{"url":"https://example.com/live"}"#)
            #expect(http.status == 422)
            #expect(http.errors == [##"{"instancePath":"/url","schemaPath":"#/properties/url/pattern","keyword":"pattern","params":{"pattern":"^(srt|rtmps?)://"},"message":"must match pattern \"^(srt|rtmps?)://\""}"##])
            let spaced = try await lp.send("POST", "/multistream/target", json: #"{"url":"rtmp://host/live key"}"#)
            #expect(spaced.errors == [##"{"instancePath":"/url","schemaPath":"#/properties/url/format","keyword":"format","params":{"format":"uri"},"message":"must match format \"uri\""}"##])
            let port = try await lp.send("POST", "/multistream/target", json: #"{"url":"rtmp://host:99999/live"}"#)
            #expect(port.status == 422 && port.errors == ["Bad URL rtmp://host:99999/live: TypeError [ERR_INVALID_URL]: Invalid URL"])
            let missing = try await lp.send("POST", "/multistream/target", json: #"{"name":"x"}"#)
            #expect(missing.status == 422 && missing.errors.first?.contains(#""missingProperty":"url""#) == true)
            let patch = try await lp.send("PATCH", "/multistream/target/x", json: #"{"disabled":"yes"}"#)
            #expect(patch.status == 422, "the patch payload requires nothing but still checks types")
            #expect(await lp.emulator.targets.isEmpty)
        }
    }
}
