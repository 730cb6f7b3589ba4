import CastformCore
import CastformPlanning
import CastformProviders
import CastformRendering
import CastformTestSupport
import Foundation
import Testing

/// Nested values drawn key by key and element by element, in the terminal and in the
/// pull-request comment alike: plans made by hand against the real providers' schemas, so
/// what the schemas say (a rendition is named by `name`, a start is a time) is what is drawn.
@Suite struct NestedDiffRenderingTests {
    static let registry = SchemaRegistry(MixcloudSchemas.all + LivepeerSchemas.all)
    static let madeAt = Date(timeIntervalSince1970: 1_790_000_000)

    static func document(_ changes: [ResourceChange]) -> PlanDocument {
        PlanDocument(Plan(lineage: "lineage", serial: 3, changes: changes, created: madeAt), registry: registry)
    }

    /// Both renderers' output compared with snapshots `NAME-human` and `NAME-markdown`.
    func expectSnapshots(_ name: String, _ changes: [ResourceChange]) {
        let document = Self.document(changes)
        let human = HumanPlanRenderer(style: TerminalStyle(colour: false)).render(document)
        let markdown = MarkdownPlanRenderer().render(document)
        #expect(Snapshot.check(human, named: "\(name)-human") == nil, "\(Snapshot.check(human, named: "\(name)-human") ?? "")")
        #expect(Snapshot.check(markdown, named: "\(name)-markdown") == nil, "\(Snapshot.check(markdown, named: "\(name)-markdown") ?? "")")
    }

    // MARK: Values

    static func track(_ start: Int, _ artist: String, _ title: String) -> Value {
        .object(["start": .int(start), "artist": .string(artist), "track": .string(title)])
    }

    static func chapter(_ start: Int, _ name: String) -> Value {
        .object(["start": .int(start), "chapter": .string(name)])
    }

    static func profile(_ name: String, _ width: Int, _ height: Int, _ bitrate: Int) -> Value {
        .object(["name": .string(name), "width": .int(width), "height": .int(height), "bitrate": .int(bitrate), "fps": .int(30)])
    }

    static func target(_ profile: String, _ id: String, videoOnly: Bool = false) -> Value {
        .object(["profile": .string(profile), "id": .string(id), "video_only": .bool(videoOnly)])
    }

    static func secret(_ tag: String) -> Value {
        .sensitive(.string(Value.hashPrefix + tag))
    }

    static let show = ResourceAddress(type: "mixcloud_cloudcast", name: "deep-sessions-42")
    static let stage = ResourceAddress(type: "livepeer_stream", name: "main-stage")

    static func cloudcast(_ tracks: [Value]) -> [String: Value] {
        ["title": .string("Deep Sessions #42"), "tracks": .list(tracks), "id": .string("/deepsessions/deep-sessions-42/"),
         "url": .string("https://www.mixcloud.com/deepsessions/deep-sessions-42/")]
    }

    static func stream(_ fields: [String: Value]) -> [String: Value] {
        ["name": .string("Main Stage"), "id": .string("st-1"), "stream_key": secret("key")].merging(fields) { $1 }
    }

    static func update(_ address: ResourceAddress, provider: String, _ before: [String: Value], _ after: [String: Value],
                       changed: [String]) -> ResourceChange {
        ResourceChange(address: address, provider: provider, kind: .update, before: before, after: after, changedAttributes: changed)
    }

    // MARK: Tracks

    /// Sixteen tracks; the new list inserts one, drops one, corrects a title and a start.
    static let tracklist: [Value] = [chapter(0, "Warm-up")] + (1...15).map { index in
        track(index * 290, "Artist \(index)", "Track \(index)")
    }

    @Test func tracksAddedRemovedChangedAndFolded() {
        var tracks = Self.tracklist
        tracks[12] = Self.track(12 * 290, "Artist 12", "Track 12 (Extended Mix)")
        tracks[14] = Self.track(14 * 290 + 15, "Artist 14", "Track 14")
        tracks.remove(at: 9)
        tracks.insert(Self.track(3 * 290 + 100, "Kerri Chandler", "Rain"), at: 4)
        tracks.append(Self.chapter(3 * 3600 + 5, "Guest mix"))
        let updated = Self.update(Self.show, provider: "mixcloud", Self.cloudcast(Self.tracklist), Self.cloudcast(tracks), changed: ["tracks"])
        let created = ResourceChange(address: ResourceAddress(type: "mixcloud_cloudcast", name: "deep-sessions-43"), provider: "mixcloud",
                                     kind: .create, after: ["title": .string("Deep Sessions #43"), "id": .unknown,
                                                            "tracks": .list([Self.chapter(0, "Intro"), Self.track(174, "Larry Heard", "Can You Feel It")])],
                                     changedAttributes: ["title", "tracks"])
        expectSnapshots("nested-tracks", [updated, created])
    }

    /// The terminal's plan for the show whose tracklist becomes `tracks`.
    static func terminal(changingTracklistTo tracks: [Value]) -> String {
        let change = update(show, provider: "mixcloud", cloudcast(tracklist), cloudcast(tracks), changed: ["tracks"])
        return HumanPlanRenderer(style: TerminalStyle(colour: false)).render(document([change]))
    }

    @Test func anInsertedTrackIsOneAddedLine() {
        var tracks = Self.tracklist
        tracks.insert(Self.track(1000, "Kerri Chandler", "Rain"), at: 4)
        let text = Self.terminal(changingTracklistTo: tracks)
        #expect(text.contains("""
                  ~ tracks = [
                        # (4 unchanged tracks hidden)
                      + {start = 16:40, artist = "Kerri Chandler", track = "Rain"}
                        # (12 unchanged tracks hidden)
                    ]
            """))
    }

    @Test func aNewTrackBesideACorrectedOneStaysANewTrack() {
        var tracks = Self.tracklist
        tracks[4] = Self.track(4 * 290, "Artist 4", "Track 4 (Mix)")
        tracks.insert(Self.track(1000, "Kerri Chandler", "Rain"), at: 4)
        tracks[8] = Self.track(8 * 290, "Someone Else", "Another Track")
        let text = Self.terminal(changingTracklistTo: tracks)
        #expect(text.contains("""
                  ~ tracks = [
                        # (4 unchanged tracks hidden)
                      + {start = 16:40, artist = "Kerri Chandler", track = "Rain"}
                      ~ {start = 19:20, artist = "Artist 4", track = "Track 4" -> "Track 4 (Mix)"}
                        # (2 unchanged tracks hidden)
                      - {start = 33:50, artist = "Artist 7", track = "Track 7"}
                      + {start = 38:40, artist = "Someone Else", track = "Another Track"}
                        # (8 unchanged tracks hidden)
                    ]
            """), "\(text)")
    }

    // MARK: Objects

    @Test func playbackPolicyShowsChangedKeysOnly() {
        let before = Self.stream(["playback_policy": .object([
            "type": .string("webhook"), "webhook_id": .string("wh-1"), "refresh_interval": .int(600),
            "webhook_context": .object(["streamerId": .string("main")]),
        ])])
        let after = Self.stream(["playback_policy": .object([
            "type": .string("webhook"), "webhook_id": .unknown, "refresh_interval": .int(300),
            "webhook_context": .object(["streamerId": .string("main"), "stage": .string("north")]),
        ])])
        expectSnapshots("nested-playback-policy", [Self.update(Self.stage, provider: "livepeer", before, after, changed: ["playback_policy"])])
    }

    @Test func profilesArePairedByName() {
        let before = Self.stream(["profiles": .list([Self.profile("720p", 1280, 720, 3_000_000), Self.profile("480p", 854, 480, 1_600_000),
                                                     Self.profile("360p", 640, 360, 800_000)])])
        let after = Self.stream(["profiles": .list([Self.profile("480p", 854, 480, 1_600_000), Self.profile("720p", 1280, 720, 4_500_000),
                                                    Self.profile("1080p", 1920, 1080, 6_000_000)])])
        expectSnapshots("nested-profiles", [Self.update(Self.stage, provider: "livepeer", before, after, changed: ["profiles"])])
    }

    @Test func multistreamTargetsArePairedByProfileAndID() {
        let before = Self.stream(["multistream": .object(["targets": .list([Self.target("720p", "t-youtube"), Self.target("480p", "t-twitch")])])])
        let after = Self.stream(["multistream": .object(["targets": .list([Self.target("720p", "t-youtube", videoOnly: true),
                                                                          Self.target("720p", "t-facebook")])])])
        expectSnapshots("nested-multistream", [Self.update(Self.stage, provider: "livepeer", before, after, changed: ["multistream"])])
    }

    // MARK: Secrets

    @Test func sensitiveValuesStaySensitiveAtEveryDepth() {
        let context = { (token: String) in Value.object(["streamerId": .string("main"), "token": Self.secret(token)]) }
        let before = Self.stream(["playback_policy": .object(["type": .string("webhook"), "webhook_id": .string("wh-1"),
                                                             "refresh_interval": .int(600), "webhook_context": context("old")])])
        let after = Self.stream(["playback_policy": .object(["type": .string("webhook"), "webhook_id": .string("wh-1"),
                                                            "refresh_interval": .int(300), "webhook_context": context("new")])])
        let inline = Value.object(["profile": .string("720p"), "spec": .object(["name": .string("Backup"), "url": Self.secret("rtmp")])])
        let created = ResourceChange(address: ResourceAddress(type: "livepeer_stream", name: "backup"), provider: "livepeer", kind: .create,
                                     after: ["name": .string("Backup"), "id": .unknown, "stream_key": .unknown,
                                             "multistream": .object(["targets": .list([inline])])],
                                     changedAttributes: ["name", "multistream"])
        expectSnapshots("nested-sensitive", [Self.update(Self.stage, provider: "livepeer", before, after, changed: ["playback_policy"]), created])
        let json = PlanJSONRenderer.render(Self.document([created]))
        #expect(!json.contains(Value.hashPrefix))
    }

    @Test func aChangedSecretAloneStillShowsAsAChange() {
        let before = Self.stream(["playback_policy": .object(["type": .string("jwt"), "webhook_context": .object(["token": Self.secret("old")])])])
        let after = Self.stream(["playback_policy": .object(["type": .string("jwt"), "webhook_context": .object(["token": Self.secret("new")])])])
        let text = HumanPlanRenderer(style: TerminalStyle(colour: false))
            .render(Self.document([Self.update(Self.stage, provider: "livepeer", before, after, changed: ["playback_policy"])]))
        #expect(text.contains("""
                  ~ playback_policy = {
                      ~ webhook_context = {
                          ~ token = (sensitive value changes)
                        }
                        # (1 unchanged attribute hidden)
                    }
            """))
    }
}
