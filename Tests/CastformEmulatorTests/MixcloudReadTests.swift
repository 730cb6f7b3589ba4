@testable import CastformEmulator
import CastformTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Reads: the user cloudcast list and its paging, single objects, `/me/`, and the URL rules
/// (301 for a missing slash, 404 in Mixcloud's shape, JSON as text/javascript).
@Suite struct MixcloudReadTests {
    let token = MixcloudTestClient.token

    @Test func listIsPagedByOffsetNewestFirstWithoutDetails() async throws {
        let emulator = MixcloudEmulator()
        try await emulator.seed(count: 25)
        try await withMixcloud(emulator) { client, _ in
            let first = try await client.get("/deepsessions/cloudcasts/?offset=0")
            #expect(first.status == 200)
            let data = try #require(first.json["data"] as? [[String: Any]])
            #expect(data.count == 20)
            #expect(data.first?["name"] as? String == "Seeded Show 25")
            #expect(data.first?["description"] == nil && data.first?["sections"] == nil)
            #expect(data.first?["slug"] as? String == "seeded-show-25")
            #expect(data.first?["audio_length"] as? Int == 3600)
            #expect(first.json["name"] as? String == "Deep Sessions's Cloudcasts")
            let paging = try #require(first.json["paging"] as? [String: String])
            #expect(paging["next"] == "http://127.0.0.1:\(client.port)/deepsessions/cloudcasts/?limit=20&offset=20")
            #expect(paging["previous"] == nil)

            let second = try await client.get("/deepsessions/cloudcasts/?limit=20&offset=20")
            #expect((second.json["data"] as? [[String: Any]])?.map { $0["name"] as? String } == (1...5).reversed().map { "Seeded Show \($0)" })
            #expect((second.json["paging"] as? [String: String])?["next"] == nil)
            #expect((second.json["paging"] as? [String: String])?["previous"] == "http://127.0.0.1:\(client.port)/deepsessions/cloudcasts/?limit=20&offset=0")

            let capped = try await client.get("/deepsessions/cloudcasts/?limit=1000&offset=0")
            #expect((capped.json["data"] as? [Any])?.count == 25)
            #expect(try await client.get("/deepsessions/cloudcasts/?limit=ten").status == 400)
        }
    }

    /// A draft and an unlisted show leave the list and the count; published again, they are
    /// back in place (the emulator pages straight from its index only while none is hidden).
    @Test func hiddenShowsLeaveTheListAndTheCountUntilPublished() async throws {
        let emulator = MixcloudEmulator()
        try await emulator.seed(count: 25)
        try await withMixcloud(emulator) { client, _ in
            let edit = { (slug: String) in "/upload/deepsessions/\(slug)/edit/?access_token=\(token)" }
            #expect(try await client.post(edit("seeded-show-24"), fields: [("unpublish", "1")]).status == 200)
            #expect(try await client.post(edit("seeded-show-3"), fields: [("unlisted", "1")]).status == 200)
            let names = { (reply: MixcloudTestClient.Reply) in (reply.json["data"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? [] }
            let first = try await client.get("/deepsessions/cloudcasts/?limit=20&offset=0")
            #expect(names(first).count == 20 && !names(first).contains("Seeded Show 24"))
            #expect(names(first).first == "Seeded Show 25" && names(first).last == "Seeded Show 5")
            #expect((first.json["paging"] as? [String: String])?["next"] != nil)
            let second = try await client.get("/deepsessions/cloudcasts/?limit=20&offset=20")
            #expect(names(second) == ["Seeded Show 4", "Seeded Show 2", "Seeded Show 1"])
            #expect((second.json["paging"] as? [String: String])?["next"] == nil)
            #expect(try await client.get("/deepsessions/").json["cloudcast_count"] as? Int == 23)

            #expect(try await client.post(edit("seeded-show-24"), fields: [("publish", "1")]).status == 200)
            #expect(try await client.post(edit("seeded-show-3"), fields: [("publish", "1")]).status == 200)
            #expect(try await client.get("/deepsessions/").json["cloudcast_count"] as? Int == 25)
            let all = try await client.get("/deepsessions/cloudcasts/?limit=100&offset=0")
            #expect(names(all) == (1...25).reversed().map { "Seeded Show \($0)" })
        }
    }

    @Test func listWithoutOffsetPagesByDate() async throws {
        let clock = ManualClock(date: Date(timeIntervalSince1970: 1_790_000_000))
        let emulator = MixcloudEmulator(now: { clock.date })
        try await emulator.seed(count: 5)
        try await withMixcloud(emulator) { client, _ in
            let first = try await client.get("/deepsessions/cloudcasts/?limit=2")
            #expect((first.json["data"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Seeded Show 5", "Seeded Show 4"])
            let next = try #require((first.json["paging"] as? [String: String])?["next"])
            #expect(next.contains("until=2026-09-21%2012%3A13%3A20"))
            let second = try await client.send(URLRequest(url: URL(string: next)!))
            #expect((second.json["data"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Seeded Show 3", "Seeded Show 2"])
            let previous = try #require((second.json["paging"] as? [String: String])?["previous"])
            let back = try await client.send(URLRequest(url: URL(string: previous)!))
            #expect((back.json["data"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Seeded Show 5", "Seeded Show 4"])
        }
    }

    @Test func missingTrailingSlashRedirectsKeepingTheQuery() async throws {
        try await withMixcloud { client, _ in
            let reply = try await client.get("/deepsessions/cloudcasts?limit=2&offset=0")
            #expect(reply.status == 301)
            #expect(reply.header("Location") == "http://127.0.0.1:\(client.port)/deepsessions/cloudcasts/?limit=2&offset=0")
            #expect(try await client.get("/me?access_token=\(token)").header("Location") == "http://127.0.0.1:\(client.port)/me/?access_token=\(token)")
            let post = try await client.post("/upload?access_token=\(token)", fields: [("name", "x")])
            #expect(post.status == 301)
        }
    }

    @Test func unknownObjectsAre404InMixcloudsShape() async throws {
        try await withMixcloud { client, _ in
            for path in ["/deepsessions/no-such-show/", "/nobody/", "/nobody/cloudcasts/", "/a/b/c/d/"] {
                let reply = try await client.get(path)
                #expect(reply.status == 404, "\(path)")
                #expect(reply.errorType == "NotFoundException")
                #expect(reply.header("Content-Type") == "text/javascript; charset=utf-8")
            }
        }
    }

    @Test func meAndUsers() async throws {
        let emulator = MixcloudEmulator()
        try await emulator.seed(count: 3)
        try await withMixcloud(emulator) { client, _ in
            let me = try await client.get("/me/?access_token=\(token)")
            #expect(me.status == 200)
            #expect(me.json["username"] as? String == "deepsessions" && me.json["name"] as? String == "Deep Sessions")
            #expect(me.json["cloudcast_count"] as? Int == 3 && me.json["key"] as? String == "/deepsessions/")
            #expect(try await client.get("/me/").errorMessage == "An invalid access token was provided")
            let user = try await client.get("/deepsessions/?metadata=1")
            #expect(((user.json["metadata"] as? [String: Any])?["connections"] as? [String: String])?["cloudcasts"]
                == "http://127.0.0.1:\(client.port)/deepsessions/cloudcasts/")
            // Public reads need no token, but a token that is sent must be valid.
            #expect(try await client.get("/deepsessions/seeded-show-1/").status == 200)
            #expect(try await client.get("/deepsessions/seeded-show-1/?access_token=revoked").status == 400)
        }
    }

    @Test func jsonpWrapsTheBody() async throws {
        try await withMixcloud { client, _ in
            let reply = try await client.get("/deepsessions/?callback=show")
            #expect(reply.text.hasPrefix("show({") && reply.text.hasSuffix("});"))
            #expect(try await client.get("/deepsessions/?callback=alert(1)").text.hasPrefix("{"))
        }
    }
}
