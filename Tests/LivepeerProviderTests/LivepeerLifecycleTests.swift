import CastformCore
import CastformEmulator
import CastformPlanning
import CastformState
import Foundation
import Testing

/// examples/live-event through plan and apply against the emulator: what the issue's
/// "done when" lists, one behaviour per test.
@Suite struct LivepeerLifecycleTests {
    @Test func firstApplyCreatesWebhookAndTargetBeforeTheStreamAndThenPlansNoChanges() async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        let summary = try await engine.apply()
        #expect(summary.succeeded, "\(summary.failed)")
        let posts = engine.server.log.entries.filter { $0.method == "POST" }.map(\.path)
        #expect(posts.count == 4)
        // main-stage was created with the webhook's and the target's ids, which exist only once
        // their creates have answered: the graph ordered them first.
        let main = try #require(await engine.emulator.streams.first { $0.name.hasSuffix("Main Stage") })
        let webhook = try #require(await engine.emulator.webhooks.first)
        let target = try #require(await engine.emulator.targets.first)
        #expect(main.playbackPolicy?["webhookId"]?.stringValue == webhook.id)
        #expect(main.multistreamTargets.first?.id == target.id)
        #expect(await engine.emulator.streams.count == 2)
        let plan = try await engine.plan()
        #expect(engine.actions(plan) == [])
        // One list per type: streams, targets (with the user id), webhooks; no GET per object.
        #expect(plan.refreshRequests == 3)
        #expect(!engine.server.log.entries.contains { $0.method == "GET" && $0.path.hasPrefix("/api/multistream/target/") })
    }

    @Test(arguments: [
        ("name: \"${var.event} — Main Stage\"", "name: Main Stage (renamed)", "name"),
        ("record: true", "record: false", "record"),
        ("refresh_interval: 600", "refresh_interval: 300", "playback_policy"),
        ("bitrate: 3000000, fps: 30}", "bitrate: 2500000, fps: 30}", "profiles"),
        ("video_only: false", "video_only: true", "multistream"),
        ("record: true", "record: true\n    user_tags: {team: stage}", "user_tags"),
        ("record: true", "record: true\n    suspended: true", "suspended"),
        ("record: true", "record: true\n    creator_id: dj-main", "creator_id"),
    ], ApplyMode.allCases)
    func eachPatchableFieldIsOneInPlaceUpdate(_ change: (String, String, String), _ mode: ApplyMode) async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        try await engine.apply()
        try engine.edit("streams.yaml") { $0.replacingOccurrences(of: change.0, with: change.1) }
        let plan = try await engine.plan()
        #expect(engine.actions(plan) == ["update livepeer_stream.main-stage [\"\(change.2)\"]"])
        let streams = await engine.emulator.streams.count
        #expect(try await engine.apply(mode))
        #expect(await engine.emulator.streams.count == streams)
        #expect(engine.actions(try await engine.plan()) == [])
    }

    /// A service's JSON is read as the service's, never through the state file's codec, where
    /// `{"unknown": true}` and `{"sensitive": …}` are markers: a webhook context with one of
    /// those keys is the user's context.
    @Test func objectsNamedLikeStateMarkersStayObjects() async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        try engine.edit("streams.yaml") { $0.replacingOccurrences(of: "webhook_context: {streamerId: main}", with: "webhook_context: {sensitive: main}") }
        #expect(try await engine.apply().succeeded)
        let main = try #require(await engine.emulator.streams.first { $0.name.hasSuffix("Main Stage") })
        #expect(main.playbackPolicy?["webhookContext"]?["sensitive"]?.stringValue == "main")
        #expect(engine.actions(try await engine.plan()) == [])
    }

    @Test(arguments: ApplyMode.allCases)
    func aPullChangeReplacesTheStream(_ mode: ApplyMode) async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        try engine.edit("streams.yaml") { $0.replacingOccurrences(of: "playback_policy: {type: public}", with: "playback_policy: {type: public}\n    pull: {source: \"https://cdn.example.org/a.m3u8\"}") }
        try await engine.apply()
        let before = await engine.emulator.streams.map(\.id)
        try engine.edit("streams.yaml") { $0.replacingOccurrences(of: "a.m3u8", with: "b.m3u8") }
        let plan = try await engine.plan()
        let change = try #require(plan.changes.first { $0.address.description == "livepeer_stream.second-stage" })
        #expect(change.kind.isReplace)
        #expect(change.replacedBecause == ["pull"])
        #expect(try await engine.apply(mode))
        #expect(await engine.emulator.streams.count == 2)
        #expect(Set(await engine.emulator.streams.map(\.id)) != Set(before))
        #expect(engine.actions(try await engine.plan()) == [])
    }

    @Test(arguments: ApplyMode.allCases)
    func removalDeletes(_ mode: ApplyMode) async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        try await engine.apply()
        try engine.edit("streams.yaml") { text in
            String(text[..<text.range(of: "  second-stage:")!.lowerBound])
        }
        #expect(engine.actions(try await engine.plan()) == ["delete livepeer_stream.second-stage"])
        #expect(try await engine.apply(mode))
        #expect(await engine.emulator.streams.map(\.name).count == 1)
        #expect(engine.actions(try await engine.plan()) == [])
    }

    @Test(arguments: ApplyMode.allCases)
    func aNewMultistreamURLIsAnUpdateThatReSendsIt(_ mode: ApplyMode) async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        try await engine.apply()
        engine.environment["YOUTUBE_RTMP_URL"] = "rtmp://a.rtmp.youtube.com/live2/yt-secret-key-2"
        let plan = try await engine.plan()
        #expect(engine.actions(plan) == ["update livepeer_multistream_target.youtube [\"url\"]"])
        let document = String(describing: plan)
        #expect(!document.contains("yt-secret-key"))
        #expect(try await engine.apply(mode))
        #expect(await engine.emulator.targets.first?.url == "rtmp://a.rtmp.youtube.com/live2/yt-secret-key-2")
        #expect(engine.actions(try await engine.plan()) == [])
    }

    @Test func aStreamIsCreatedOnlyOnceWhenCreatesFailOrTheirAnswersAreLost() async throws {
        for fault in [FaultPlan.Fault.status(503, retryAfter: nil), .dropAfterHandling] {
            let engine = try await LivepeerEngine.liveEvent(faults: FaultPlan(rate: 1, faults: [fault], only: ["POST /api/stream"]))
            let first = try await engine.apply()
            #expect(!first.succeeded)
            engine.server.faults.update(FaultPlan())
            let second = try await engine.apply()
            #expect(second.succeeded, "\(second.failed)")
            let addresses = await engine.emulator.streams.compactMap { $0.userTags?["castform_address"]?.stringValue }
            #expect(addresses.sorted() == ["livepeer_stream.main-stage", "livepeer_stream.second-stage"], "\(fault)")
            #expect(engine.actions(try await engine.plan()) == [])
            await engine.stop()
        }
    }

    @Test func changingProfilesOfALiveStreamSaysWhatToDo() async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        try await engine.apply()
        let main = try #require(await engine.emulator.streams.first { $0.name.hasSuffix("Main Stage") })
        try await engine.emulator.setActive(main.id, true)
        try engine.edit("streams.yaml") { $0.replacingOccurrences(of: "bitrate: 3000000", with: "bitrate: 2000000") }
        let summary = try await engine.apply()
        let message = summary.failed.first?.diagnostics.first?.message ?? ""
        #expect(message.contains("livepeer_stream.main-stage"))
        #expect(message.contains("is live"))
        #expect(message.contains("--target"))
    }
}

/// Streams this workspace made that state has lost (a `state rm`, a restored old state file).
@Suite struct LivepeerOrphanTests {
    @Test func aTaggedStreamMissingFromStateIsReportedByPlan() async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        try await engine.apply()
        var state = try await engine.state()
        let lost = ResourceAddress(parsing: "livepeer_stream.second-stage")!
        let id = try #require(state.resource(lost)?.id)
        state.apply(.remove(lost))
        try await engine.backend.persist(state)
        let result = try await engine.planResult()
        let warning = result.diagnostics.first { $0.message.contains(id) }
        #expect(warning?.severity == .warning)
        #expect(warning?.message.contains("castform import livepeer_stream.second-stage \(id)") == true)
    }
}

/// A runner without the team's state: the streams (by their castform_address tag, whatever
/// state made them), the webhook (name and URL) and the target (name) are imported.
@Suite struct LivepeerTwinTests {
    @Test func aFreshStateImportsEveryObjectThatExists() async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        #expect(try await engine.apply().succeeded)
        let before = (await engine.emulator.streams.count, await engine.emulator.webhooks.count, await engine.emulator.targets.count)
        try await engine.backend.persist(StateSnapshot(lineage: "another-runner"))

        let plan = try await engine.plan()
        let imported = plan.changes.filter { $0.importing != nil }.map(\.address.description).sorted()
        #expect(imported == ["livepeer_multistream_target.youtube", "livepeer_stream.main-stage", "livepeer_stream.second-stage",
                             "livepeer_webhook.playback-auth"])
        #expect(!plan.changes.contains { $0.kind == .create })
        #expect(try await engine.apply().succeeded)
        #expect((await engine.emulator.streams.count, await engine.emulator.webhooks.count, await engine.emulator.targets.count) == before)
        #expect(engine.actions(try await engine.plan()) == [])
    }
}
