import CastformCore
import CastformEmulator
import CastformHTTP
@testable import CastformProviders
import Testing

/// The provider's four data sources read from the emulator over real HTTP.
@Suite struct LivestreamProviderTests {
    @Test func aChannelIsItsInfoWithTheLiveStatus() async throws {
        let harness = try await LivestreamHarness()
        defer { Task { await harness.stop() } }
        try await harness.emulator.setLive("proshowcase", true, viewers: 12)
        let result = await harness.read("livestream_channel", ["channel": .string("proshowcase")])
        #expect(result.diagnostics.isEmpty)
        let values = result.attributes
        #expect(values["title"] == .string("Mogulus Pro Showcase"))
        #expect(values["link"] == .string("http://www.livestream.com/proshowcase"))
        #expect(values["category"] == .string("Entertainment"))
        #expect(values["tags"] == .list([.string("showcase"), .string("trailers")]))
        #expect(values["is_live"] == .bool(true) && values["current_viewer_count"] == .int(12))
        #expect(values["total_viewer_minutes"] == .int(330_445) && values["total_library_clips"] == .int(6))
        #expect(values["is_premium"] == .bool(true) && values["short_name"] == .string("proshowcase"))
        #expect(harness.requests.map(\.path) == ["/xproshowcasex/2.0/info.json", "/xproshowcasex/2.0/livestatus.json"])
    }

    @Test func hostEscapingFollowsTheGuide() {
        #expect(LivestreamHost.baseURL(channel: "my_Channel", endpoint: nil) == "http://xmy-channelx.api.channel.livestream.com/2.0")
        #expect(LivestreamHost.baseURL(channel: "proshowcase", endpoint: "http://127.0.0.1:9/") == "http://127.0.0.1:9/xproshowcasex/2.0")
        #expect(!LivestreamHost.isValidName("my channel") && !LivestreamHost.isValidName(String(repeating: "a", count: 62)))
    }

    @Test func underscoresInTheNameReachTheHyphenatedHost() async throws {
        let harness = try await LivestreamHarness()
        defer { Task { await harness.stop() } }
        var channel = LivestreamChannel(name: "my_radio", title: "My Radio", created: harness.clock.date, rootPlaylistID: "1")
        channel.description = "Weekly"
        try await harness.emulator.addChannel(channel)
        let result = await harness.read("livestream_channel", ["channel": .string("My_Radio")])
        #expect(result.attributes["title"] == .string("My Radio"))
    }

    @Test func playlistsAreFlattenedWithParentIds() async throws {
        let harness = try await LivestreamHarness()
        defer { Task { await harness.stop() } }
        let result = await harness.read("livestream_playlists", ["channel": .string("proshowcase")])
        guard case .list(let playlists)? = result.attributes["playlists"] else { Issue.record("no playlists: \(result.diagnostics)"); return }
        #expect(playlists.map { $0["title"] } == [.string("_root"), .string("High - 700 Kbps (Pro) Samples"), .string("HD - 1,700 Kbps (Pro) Samples")])
        #expect(playlists.map { $0["parent_id"] } == [.string(""), .string("9205475006471204305"), .string("9205475006471204305")])
        #expect(playlists[1]["has_clips"] == .bool(true))
        #expect(result.attributes["total_clips"] == .int(6))
    }

    @Test func latestClipsFollowPagesUpToTheLimit() async throws {
        let harness = try await LivestreamHarness()
        defer { Task { await harness.stop() } }
        for number in 1...224 { try await harness.emulator.addClip(to: "proshowcase", title: "Clip \(number)", duration: 60) }
        let all = await harness.read("livestream_clips", ["channel": .string("proshowcase"), "limit": .int(1000)])
        guard case .list(let clips)? = all.attributes["clips"] else { Issue.record("\(all.diagnostics)"); return }
        #expect(clips.count == 230 && all.attributes["total_clips"] == .int(230))
        #expect(harness.requests.map(\.query) == ["page=1&maxresults=100", "page=2&maxresults=100", "page=3&maxresults=100"])
        let some = await harness.read("livestream_clips", ["channel": .string("proshowcase"), "limit": .int(5)])
        guard case .list(let five)? = some.attributes["clips"] else { Issue.record("\(some.diagnostics)"); return }
        #expect(five.count == 5)
    }

    @Test func aPlaylistsClipsAndOneClipsDetails() async throws {
        let harness = try await LivestreamHarness()
        defer { Task { await harness.stop() } }
        let listed = await harness.read("livestream_clips", ["channel": .string("proshowcase"), "playlist": .string("6845317970224595470")])
        guard case .list(let clips)? = listed.attributes["clips"] else { Issue.record("\(listed.diagnostics)"); return }
        #expect(clips.map { $0["title"] } == [.string("Quantum of Solace Trailer (700Kbps)"), .string("The Kite Runner Trailer (700Kbps)"),
                                              .string("Iron Man Trailer (700Kbps)")])
        #expect(clips[0]["duration"] == .number(147.4) && clips[0]["content_type"] == .string("video/x-flv"))
        let clip = await harness.read("livestream_clip", ["channel": .string("proshowcase"), "clip": .string("pla_1145907244544877845")])
        #expect(clip.attributes["duration"] == .number(1987.279) && clip.attributes["is_recorded"] == .bool(true))
        #expect(clip.attributes["thumbnail_url"]?.stringValue?.hasPrefix("http://thumbnail.api.livestream.com/clipthumbnail/chproshowcase/") == true)
    }

    @Test func errorPagesAreProblemsNamingWhatIsMissing() async throws {
        let harness = try await LivestreamHarness()
        defer { Task { await harness.stop() } }
        let channel = await harness.read("livestream_channel", ["channel": .string("nosuchchannel")])
        #expect(LivestreamHarness.problems(channel) == [.noSuchChannel("nosuchchannel")])
        #expect(channel.diagnostics.first?.message == "Livestream has no channel \"nosuchchannel\"")
        let clip = await harness.read("livestream_clip", ["channel": .string("proshowcase"), "clip": .string("flv_gone")])
        #expect(LivestreamHarness.problems(clip) == [.noSuchClip(channel: "proshowcase", clip: "flv_gone")])
        let playlist = await harness.read("livestream_clips", ["channel": .string("proshowcase"), "playlist": .string("42")])
        #expect(LivestreamHarness.problems(playlist) == [.noSuchPlaylist(channel: "proshowcase", playlist: "42")])
        let bad = await harness.read("livestream_channel", ["channel": .string("no spaces")])
        #expect(LivestreamHarness.problems(bad) == [.badChannelName("no spaces")])
    }

    @Test func anotherErrorPageIsItsStatusAndTitle() {
        let error = HTTPError(request: RequestLine(service: "Livestream", method: .get, url: "http://xax.api.channel.livestream.com/2.0/info.json"),
                              kind: .status, status: 500, serviceMessage: "500 Internal Server Error")
        #expect(LivestreamClient.problem(error, channel: "a", method: "info", subject: .channel)
                == .errorPage(channel: "a", method: "info", status: 500, title: "500 Internal Server Error"))
    }
}
