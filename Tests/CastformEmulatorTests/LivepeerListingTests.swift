import CastformEmulator
import Foundation
import Testing

/// `GET /stream`: paging with `limit`/`cursor` and `Link`, sessions, filters, count.
@Suite struct LivepeerListingTests {
    /// The `<url>` of `Link: <url>; rel="next"`.
    func nextURL(_ reply: LivepeerReply) -> String? {
        guard let link = reply.headers["link"], link.hasSuffix(#">; rel="next""#), link.hasPrefix("<") else { return nil }
        return String(link.dropFirst().dropLast(#">; rel="next""#.count))
    }

    @Test func pagesThroughThousandsOfStreamsByFollowingLink() async throws {
        try await LivepeerHarness.with { lp in
            let total = 2500
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for index in stride(from: worker, to: total, by: 8) {
                            _ = try await lp.createStream(#"{"name":"stream \#(index)"}"#)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(await lp.emulator.streams.count == total)

            var ids: [String] = []
            var pageSizes: [Int] = []
            var path: String? = "/stream?limit=1000&streamsonly=1"
            while let current = path {
                let reply = try await lp.send("GET", current)
                #expect(reply.status == 200)
                ids += reply.array.compactMap { $0["id"] as? String }
                pageSizes.append(reply.array.count)
                path = nextURL(reply).map { url in
                    #expect(url.hasPrefix("http://127.0.0.1:\(lp.port)/api/stream?limit=1000&streamsonly=1&cursor=skip"))
                    return String(url.dropFirst("http://127.0.0.1:\(lp.port)/api".count))
                }
            }
            #expect(pageSizes == [1000, 1000, 500], "Link only after a full page")
            #expect(Set(ids).count == total)
            // Newest first: the default order is lastSeen, then createdAt, descending.
            #expect(await ids.first == lp.emulator.streams.last?.id)
            #expect(await ids.last == lp.emulator.streams.first?.id)
        }
    }

    @Test func limitDefaultsTo20AndIsCappedAt1000() async throws {
        try await LivepeerHarness.with { lp in
            for index in 0..<25 { _ = try await lp.createStream(#"{"name":"s\#(index)"}"#) }
            let first = try await lp.send("GET", "/stream")
            #expect(first.array.count == 20)
            #expect(nextURL(first) == "http://127.0.0.1:\(lp.port)/api/stream?cursor=skip20")
            let second = try await lp.send("GET", "/stream?cursor=skip20")
            #expect(second.array.count == 5 && second.headers["link"] == nil)
            #expect(try await lp.send("GET", "/stream?limit=0").array.count == 20)
            #expect(try await lp.send("GET", "/stream?limit=abc").array.count == 20)
            #expect(try await lp.send("GET", "/stream?limit=5000").array.count == 25)
            let exact = try await lp.send("GET", "/stream?limit=25")
            #expect(nextURL(exact) != nil, "a full page announces a next page, even an empty one")
            #expect(try await lp.send("GET", "/stream?limit=25&cursor=skip25").array.isEmpty)
            let counted = try await lp.send("GET", "/stream?limit=2&count=1")
            #expect(counted.headers["x-total-count"] == "25")
        }
    }

    @Test func sessionsAreListedUnlessStreamsOnly() async throws {
        try await LivepeerHarness.with { lp in
            let stream = try await lp.createStream()
            let id = try #require(stream["id"] as? String)
            try await lp.emulator.setActive(id, true)
            let all = try await lp.send("GET", "/stream").array
            #expect(all.count == 2)
            #expect(all.contains { $0["parentId"] as? String == id })
            #expect(try await lp.send("GET", "/stream?streamsonly=1").array.count == 1)
            #expect(try await lp.send("GET", "/stream?streamsonly=false").array.count == 2)
            #expect(try await lp.send("GET", "/stream?sessionsonly=1").array.first?["parentId"] as? String == id)
            #expect(try await lp.send("GET", "/stream?active=1&streamsonly=1").array.first?["id"] as? String == id)
        }
    }

    @Test func filtersNarrowTheList() async throws {
        try await LivepeerHarness.with { lp in
            _ = try await lp.createStream(#"{"name":"Main Stage","record":true}"#)
            _ = try await lp.createStream(#"{"name":"side room"}"#)
            let filter = { (json: String) in "/stream?filters=" + json.addingPercentEncoding(withAllowedCharacters: .alphanumerics)! }
            let byName = try await lp.send("GET", filter(#"[{"id":"name","value":"main"}]"#))
            #expect(byName.array.map { $0["name"] as? String } == ["Main Stage"])
            let byRecord = try await lp.send("GET", filter(#"[{"id":"record","value":true}]"#))
            #expect(byRecord.array.count == 1)
            let byTime = try await lp.send("GET", filter(#"[{"id":"createdAt","value":{"gt":0}}]"#))
            #expect(byTime.array.count == 2)
            let unknown = try await lp.send("GET", filter(#"[{"id":"color","value":"red"}]"#))
            #expect(unknown.status == 400 && unknown.errors == [#"error parsing filters: Error: unknown field: "color""#])
        }
    }
}
