import CastformEmulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The Livestream Channel API emulator over real HTTP: the guide's methods in XML, JSON and
/// JSONP, paging, HTML error pages, the rate limits with their headers, and the admin routes.
@Suite struct LivestreamEmulatorTests {
    struct Reply {
        var status: Int
        var body: String
        var headers: [AnyHashable: Any]

        func header(_ name: String) -> String? { headers[name] as? String }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
        var channel: [String: Any] { json["channel"] as? [String: Any] ?? [:] }
    }

    func send(_ port: Int, _ path: String, method: String = "GET", body: String? = nil, host: String? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let body { request.httpBody = Data(body.utf8) }
        if let host { request.setValue(host, forHTTPHeaderField: "Host") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return Reply(status: http.statusCode, body: String(decoding: data, as: UTF8.self), headers: http.allHeaderFields)
    }

    func with(_ emulator: LivestreamEmulator = LivestreamEmulator(), _ body: (Int) async throws -> Void) async throws {
        let server = EmulatorServer(service: emulator)
        let port = try await server.start()
        do { try await body(port) } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func infoAsJSONHasTheRSSDerivedShape() async throws {
        try await with { port in
            let reply = try await send(port, "/xproshowcasex/2.0/info.json")
            #expect(reply.status == 200 && reply.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(reply.json.keys.sorted() == ["channel"])
            let channel = reply.channel
            #expect(channel["title"] as? String == "Mogulus Pro Showcase")
            #expect(channel["shortName"] as? String == "proshowcase")
            #expect(channel["isLive"] as? Bool == false)
            #expect(channel["totalViewerMinutes"] as? Int == 330_445)
            #expect((channel["image"] as? [String: Any])?["url"] as? String == "")
            #expect(channel["tags"] as? String == "showcase,trailers")
        }
    }

    @Test func infoAsXMLIsMediaRSSWithTheDocumentedNamespace() async throws {
        try await with { port in
            for path in ["/xproshowcasex/2.0/info.xml", "/xproshowcasex/2.0/info"] {
                let reply = try await send(port, path)
                #expect(reply.status == 200 && reply.header("Content-Type")?.hasPrefix("text/xml") == true)
                #expect(reply.body.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss xmlns:ls=\"http://api.channel.livestream.com/2.0\" version=\"2.0\">"))
                #expect(reply.body.contains("<ls:isLive>false</ls:isLive>") && reply.body.contains("<ls:links />"))
                #expect(reply.body.hasSuffix("</rss>\n"))
            }
            let clips = try await send(port, "/xproshowcasex/2.0/latestclips.xml?maxresults=1")
            #expect(clips.body.contains("xmlns:media=\"http://search.yahoo.com/mrss\""))
            #expect(clips.body.contains("<media:content duration=\"147.4\" type=\"video/x-flv\""))
        }
    }

    @Test func jsonpWrapsTheAnswerAndRefusesAScriptAsCallback() async throws {
        try await with { port in
            let reply = try await send(port, "/xproshowcasex/2.0/livestatus.json?callback=livestatus")
            #expect(reply.body == #"livestatus({"channel":{"isLive":false,"currentViewerCount":0}})"#)
            #expect(reply.header("Content-Type")?.hasPrefix("text/javascript") == true)
            #expect(try await send(port, "/xproshowcasex/2.0/livestatus.json?callback=alert(1)//").status == 400)
        }
    }

    @Test func latestClipsPageNewestFirstAndAnEmptyPageHasAnEmptyItemList() async throws {
        try await with { port in
            let first = try await send(port, "/xproshowcasex/2.0/latestclips.json?page=1&maxresults=2").channel
            let items = try #require(first["item"] as? [[String: Any]])
            #expect(items.map { $0["guid"] as? String } == ["flv_7e12afb2-fae2-49e7-aef2-269febafbf10", "pla_1145907244544877845"])
            #expect(first["totalClips"] as? Int == 6)
            #expect((items[0]["content"] as? [String: Any])?["@duration"] as? String == "147.4")
            #expect((items[0]["thumbnail"] as? [String: Any])?["@url"] as? String != nil)
            let third = try await send(port, "/xproshowcasex/2.0/latestclips.json?page=3&maxresults=2").channel
            #expect((third["item"] as? [Any])?.count == 2)
            let beyond = try await send(port, "/xproshowcasex/2.0/latestclips.json?page=9&maxresults=2").channel
            #expect((beyond["item"] as? [Any])?.isEmpty == true)
            #expect(try await send(port, "/xproshowcasex/2.0/latestclips.json?maxresults=0").status == 400)
            #expect(((try await send(port, "/xproshowcasex/2.0/latestclips.json").channel)["item"] as? [Any])?.count == 6)
        }
    }

    @Test func playlistsAreTheDirectoryTreeAndListClipsNeedsAKnownId() async throws {
        try await with { port in
            let channel = try await send(port, "/xproshowcasex/2.0/listplaylists.json").channel
            let root = try #require((channel["directory"] as? [[String: Any]])?.first)
            #expect(root["@title"] as? String == "_root" && root["@hasClips"] as? String == "true")
            #expect((root["directory"] as? [[String: Any]])?.map { $0["@id"] as? String } == ["6845317970224595470", "4056950833275962776"])
            let clips = try await send(port, "/xproshowcasex/2.0/listclips.json?id=6845317970224595470").channel
            #expect(clips["totalClips"] as? Int == 3)
            let missing = try await send(port, "/xproshowcasex/2.0/listclips.json")
            #expect(missing.status == 400 && missing.body.contains("<h1>400 Bad Request</h1>"))
            #expect(try await send(port, "/xproshowcasex/2.0/listclips.json?id=1").status == 404)
        }
    }

    @Test func clipDetailsThumbnailAndEvents() async throws {
        try await with { port in
            let details = try await send(port, "/xproshowcasex/2.0/clipdetails.json?id=pla_1145907244544877845").channel
            let item = try #require(details["item"] as? [String: Any])
            #expect(item["isRecorded"] as? Bool == true && item["title"] as? String == "Live Show [mogulus] Mon Nov 24 2008 04:09:48 PM")
            #expect(try await send(port, "/xproshowcasex/2.0/clipdetails.json?id=nope").status == 404)
            let thumbnail = try await send(port, "/xproshowcasex/2.0/thumbnail.json?id=pla_1145907244544877845&time=20").json
            #expect(((thumbnail["thumbnail"] as? [String: Any])?["@url"] as? String)?.hasSuffix("pla_1145907244544877845_20.jpg") == true)
            let events = try await send(port, "/xproshowcasex/2.0/events.xml")
            #expect(events.body.contains(#"<ls:event title="showcase" startDate="2009-10-27 11:25:00.0" endDate="2009-10-27 11:43:00.0" />"#))
        }
    }

    @Test func unknownChannelsMethodsAndFormatsAreHTMLErrorPages() async throws {
        try await with { port in
            let unknown = try await send(port, "/xnosuchchannelx/2.0/info.json")
            #expect(unknown.status == 404 && unknown.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(unknown.body.contains("<title>404 Not Found</title>") && unknown.body.contains("<h1>404 Not Found</h1>"))
            #expect(try await send(port, "/xproshowcasex/2.0/searchclips.json").status == 400)
            #expect(try await send(port, "/xproshowcasex/2.0/info.yaml").status == 400)
            #expect(try await send(port, "/proshowcase/2.0/info.json").status == 404)
        }
    }

    @Test func theRealHostNameInTheHostHeaderIsAnsweredToo() async throws {
        try await with { port in
            let reply = try await send(port, "/2.0/info.json", host: "xproshowcasex.api.channel.livestream.com")
            #expect(reply.channel["shortName"] as? String == "proshowcase")
        }
    }

    @Test func theEleventhRequestInASecondIs429WithRetryAfterAndTheHeaders() async throws {
        let instant = Date(timeIntervalSince1970: 1_800_000_000)
        try await with(LivestreamEmulator(now: { instant })) { port in
            for number in 1...10 {
                let reply = try await send(port, "/xproshowcasex/2.0/livestatus.json")
                #expect(reply.status == 200)
                #expect(reply.header("X-Ratelimit-Remaining-Second") == String(10 - number))
                #expect(reply.header("X-Ratelimit-Limit-Day") == "10000")
            }
            let refused = try await send(port, "/xproshowcasex/2.0/livestatus.json")
            #expect(refused.status == 429 && refused.header("Retry-After") == "1")
            #expect(refused.body.contains("<h1>429 Too Many Requests</h1>"))
            #expect(refused.header("X-Ratelimit-Reset-Second") == "1" && refused.header("X-Ratelimit-Remaining-Minute") == "90")
            // Admin routes are not counted.
            #expect(try await send(port, "/_castform/objects").status == 200)
        }
    }

    @Test func adminRoutesMakeAChannelLiveAddClipsAndChannels() async throws {
        let emulator = LivestreamEmulator()
        try await with(emulator) { port in
            #expect(try await send(port, "/_castform/livestream/channels/proshowcase/live", method: "POST", body: #"{"live":true,"viewers":12}"#).status == 204)
            let status = try await send(port, "/xproshowcasex/2.0/livestatus.json").channel
            #expect(status["isLive"] as? Bool == true && status["currentViewerCount"] as? Int == 12)
            let added = try await send(port, "/_castform/livestream/channels/proshowcase/clips", method: "POST", body: #"{"title":"Fresh","duration":61.5}"#)
            #expect(added.status == 201)
            let latest = try #require((try await send(port, "/xproshowcasex/2.0/latestclips.json?maxresults=1").channel)["item"] as? [[String: Any]])
            #expect(latest.first?["title"] as? String == "Fresh" && latest.first?["guid"] as? String == added.json["id"] as? String)
            #expect(try await send(port, "/_castform/livestream/channels/my_radio", method: "PUT", body: #"{"title":"My Radio","tags":["a","b"]}"#).status == 204)
            #expect((try await send(port, "/xmy-radiox/2.0/info.json").channel)["title"] as? String == "My Radio")
            #expect(try await send(port, "/_castform/livestream/channels/nobody/live", method: "POST", body: #"{"live":true}"#).status == 404)
        }
        #expect(await emulator.channel("proshowcase")?.clips.count == 7)
    }

    @Test func channelsPersistInTheDataDirectory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("livestream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try await LivestreamEmulator(dataDirectory: directory).setLive("proshowcase", true, viewers: 3))
        #expect(await (try LivestreamEmulator(dataDirectory: directory)).channel("proshowcase")?.currentViewerCount == 3)
    }
}
