import CastformCore
import CastformEmulator
import CastformPlanning
import CastformProviders
import Foundation
import Testing

/// Webhooks, targets and inline multistream specs through plan and apply.
@Suite struct LivepeerOtherTypesTests {
    @Test(arguments: [
        ("name: Playback auth", "name: Viewer auth", "livepeer_webhook.playback-auth [\"name\"]"),
        ("events: [playback.accessControl]", "events: [playback.accessControl, stream.started]", "livepeer_webhook.playback-auth [\"events\"]"),
        ("url: https://auth.example.org/livepeer", "url: https://auth2.example.org/livepeer", "livepeer_webhook.playback-auth [\"url\"]"),
        ("name: YouTube main channel", "name: YouTube", "livepeer_multistream_target.youtube [\"name\"]"),
        ("url: ${env.YOUTUBE_RTMP_URL}", "url: ${env.YOUTUBE_RTMP_URL}\n    disabled: true", "livepeer_multistream_target.youtube [\"disabled\"]"),
    ], ApplyMode.allCases)
    func eachFieldIsOneInPlaceUpdate(_ change: (String, String, String), _ mode: ApplyMode) async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        try await engine.apply()
        try engine.edit("streams.yaml") { $0.replacingOccurrences(of: change.0, with: change.1) }
        #expect(engine.actions(try await engine.plan()) == ["update \(change.2)"])
        #expect(try await engine.apply(mode))
        #expect(engine.actions(try await engine.plan()) == [])
    }

    @Test func anInlineTargetSpecPlansNoChangesAfterApply() async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        try engine.edit("streams.yaml") {
            $0.replacingOccurrences(of: "playback_policy: {type: public}", with: """
                playback_policy: {type: public}
                    multistream:
                      targets:
                        - {profile: 480p, spec: {name: Twitch, url: "${env.YOUTUBE_RTMP_URL}"}}
                """)
        }
        #expect(try await engine.apply().succeeded)
        #expect(await engine.emulator.targets.count == 2)
        #expect(engine.actions(try await engine.plan()) == [])
        engine.environment["YOUTUBE_RTMP_URL"] = "rtmp://live.twitch.tv/app/other-key"
        let plan = try await engine.plan()
        #expect(engine.actions(plan).contains("update livepeer_stream.second-stage [\"multistream\"]"))
    }

    @Test(arguments: ["POST /api/multistream/target", "POST /api/webhook"])
    func aTargetOrWebhookWhoseCreateAnswerWasLostIsAdopted(_ route: String) async throws {
        let engine = try await LivepeerEngine.liveEvent(faults: FaultPlan(rate: 1, faults: [.dropAfterHandling], only: [route]))
        defer { Task { await engine.stop() } }
        #expect(!(try await engine.apply().succeeded))
        engine.server.faults.update(FaultPlan())
        let second = try await engine.apply()
        #expect(second.succeeded, "\(second.failed.map(\.diagnostics))")
        #expect(await engine.emulator.targets.count == 1)
        #expect(await engine.emulator.webhooks.count == 1)
        #expect(engine.actions(try await engine.plan()) == [])
    }

    /// Targets carry no tags: a lost create is matched by name, but never to a target state
    /// already holds, however alike they are.
    @Test func aLostTargetCreateNeverTakesATargetStateHolds() async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        #expect(try await engine.apply().succeeded)
        try engine.write("backup.yaml", """
            livepeer_multistream_target:
              youtube-backup: {name: YouTube main channel, url: "${env.YOUTUBE_RTMP_URL}"}
            """)
        engine.server.faults.update(FaultPlan(rate: 1, faults: [.dropBeforeHandling], only: ["POST /api/multistream/target"]))
        #expect(!(try await engine.apply().succeeded))
        engine.server.faults.update(FaultPlan())
        #expect(engine.actions(try await engine.plan()) == ["create livepeer_multistream_target.youtube-backup"])
        #expect(try await engine.apply().succeeded)
        #expect(await engine.emulator.targets.count == 2)
        let state = try await engine.state()
        let ids = ["youtube", "youtube-backup"].compactMap { state.resource(ResourceAddress(type: "livepeer_multistream_target", name: $0))?.id }
        #expect(Set(ids).count == 2)
    }

    /// Livepeer lists targets only by the account's user id, learnt from a stream or a
    /// webhook. An account with neither gives castform no way to see a target whose create
    /// answer was lost: the plan stops and says what to do, rather than create it again.
    @Test func aLostTargetCreateOnAnAccountCastformCannotListStopsThePlan() async throws {
        let engine = try await LivepeerEngine(["targets.yaml": """
            livepeer_multistream_target:
              youtube: {name: YouTube main channel, url: "${env.YOUTUBE_RTMP_URL}"}
            """], faults: FaultPlan(rate: 1, faults: [.dropAfterHandling], only: ["POST /api/multistream/target"]))
        defer { Task { await engine.stop() } }
        #expect(!(try await engine.apply().succeeded))
        engine.server.faults.update(FaultPlan())
        let result = try await engine.planResult()
        #expect(result.plan == nil)
        #expect(result.diagnostics.map(\.message) == [
            "livepeer_multistream_target.youtube: castform cannot tell whether its interrupted create made the multistream target \"YouTube main channel\": Livepeer lists an account's targets only by its user id, which castform learns from a stream or a webhook, and the account has neither. Look in Livepeer Studio: if the target is there, adopt it with `castform import livepeer_multistream_target.youtube ID`; if not, let castform create it again with `castform state rm livepeer_multistream_target.youtube`",
        ])
        #expect(await engine.emulator.targets.count == 1)
    }

    @Test func withoutAKeyEveryCallSaysHowToSetOne() async throws {
        let provider = Providers.make(ProviderContext(credentialsPath: "/nonexistent/credentials.json")).providers["livepeer"]!
        let read = await provider.read(type: "livepeer_stream", objects: [])
        #expect(read.diagnostics.first?.message.contains("LIVEPEER_API_KEY") == true)
    }
}
