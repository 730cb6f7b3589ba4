import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// The castform binary against an emulator: what a user at a terminal (or CI) sees.
@Suite struct LivepeerCommandTests {
    @Test func theStreamKeyAndTargetURLAppearOnlyInOutputWithShowSensitive() async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        try engine.edit("castform.yaml") { $0.replacingOccurrences(of: "livepeer: {}", with: "livepeer: {endpoint: \"\(engine.baseURL)\"}") }
        var environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": engine.directory.path,
                           "LIVEPEER_API_KEY": "livepeer-test-key", "YOUTUBE_RTMP_URL": "rtmp://a.rtmp.youtube.com/live2/yt-secret-key-1"]
        func castform(_ arguments: [String]) async throws -> ProcessResult {
            try await castformProcess(arguments, environment: environment, directory: engine.directory.path)
        }
        var printed: [String] = []
        let apply = try await castform(["apply", "--auto-approve"])
        #expect(apply.status == 0, "\(apply.stderr)")
        printed += [apply.stdout, apply.stderr]
        environment["YOUTUBE_RTMP_URL"] = "rtmp://a.rtmp.youtube.com/live2/yt-secret-key-2"
        for arguments in [["plan"], ["plan", "--json"], ["plan", "--markdown"], ["apply", "--auto-approve"], ["plan"], ["show"],
                          ["output"], ["output", "livepeer_stream.main-stage.stream_key"], ["output", "--json"]] {
            let result = try await castform(arguments)
            printed += [result.stdout, result.stderr]
        }
        let state = String(decoding: FileManager.default.contents(atPath: engine.directory.path + "/.castform/state.json") ?? Data(), as: UTF8.self)
        printed.append(state)
        let key = try #require(await engine.emulator.streams.first { $0.name.hasSuffix("Main Stage") }?.streamKey)
        for text in printed {
            #expect(!text.contains(key))
            #expect(!text.contains("yt-secret-key"))
        }
        #expect(await engine.emulator.targets.first?.url.hasSuffix("yt-secret-key-2") == true)
        let shown = try await castform(["output", "livepeer_stream.main-stage.stream_key", "--show-sensitive"])
        #expect(shown.stdout == key + "\n", "\(shown.stderr)")
        let plan = try await castform(["plan", "--detailed-exitcode"])
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
    }

    /// State keeps only a keyed hash of a stream key: when the service cannot be read,
    /// `--show-sensitive` fails and says why, and the hash is never printed as the key.
    @Test func showSensitiveFailsWhenTheServiceReadFailsAndNeverPrintsTheHash() async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        try engine.edit("castform.yaml") { $0.replacingOccurrences(of: "livepeer: {}", with: "livepeer: {endpoint: \"\(engine.baseURL)\"}") }
        var environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": engine.directory.path,
                           "LIVEPEER_API_KEY": "livepeer-test-key", "YOUTUBE_RTMP_URL": "rtmp://a.rtmp.youtube.com/live2/yt-secret-key-1"]
        let apply = try await castformProcess(["apply", "--auto-approve"], environment: environment, directory: engine.directory.path)
        #expect(apply.status == 0, "\(apply.stderr)")
        let state = String(decoding: FileManager.default.contents(atPath: engine.directory.path + "/.castform/state.json") ?? Data(), as: UTF8.self)
        #expect(state.contains("hmac-sha256:"))

        environment["LIVEPEER_API_KEY"] = "a-revoked-key"
        for arguments in [["output", "livepeer_stream.main-stage.stream_key", "--show-sensitive"],
                          ["output", "livepeer_stream.main-stage", "--show-sensitive"],
                          ["output", "livepeer_stream.main-stage.stream_key", "--show-sensitive", "--json"]] {
            let shown = try await castformProcess(arguments, environment: environment, directory: engine.directory.path)
            #expect(shown.status == 1, "\(arguments): \(shown.stdout)")
            #expect(shown.stdout.isEmpty, "\(arguments): \(shown.stdout)")
            #expect(!shown.stderr.contains("hmac-sha256"), "\(shown.stderr)")
            #expect(shown.stderr.contains("cannot show livepeer_stream.main-stage.stream_key: state keeps only a keyed hash of it, and it could not be read from the service: "),
                    "\(arguments): \(shown.stderr)")
            #expect(shown.stderr.contains("a-revoked-key") == false)
        }
        // Values state holds in clear still print without --show-sensitive.
        let id = try await castformProcess(["output", "livepeer_stream.main-stage.playback_id"], environment: environment, directory: engine.directory.path)
        #expect(id.status == 0 && !id.stdout.isEmpty, "\(id.stderr)")
    }

    @Test func runTerminatesALiveStream() async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        try engine.edit("castform.yaml") { $0.replacingOccurrences(of: "livepeer: {}", with: "livepeer: {endpoint: \"\(engine.baseURL)\"}") }
        let environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": engine.directory.path,
                           "LIVEPEER_API_KEY": "livepeer-test-key", "YOUTUBE_RTMP_URL": "rtmp://x.example/live/k"]
        _ = try await castformProcess(["apply", "--auto-approve"], environment: environment, directory: engine.directory.path)
        let stream = try #require(await engine.emulator.streams.first { $0.name.hasSuffix("Main Stage") })
        try await engine.emulator.setActive(stream.id, true)
        let result = try await castformProcess(["run", "livepeer_stream.main-stage", "terminate"], environment: environment, directory: engine.directory.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(engine.server.log.count("DELETE", "/api/stream/\(stream.id)/terminate") == 1)
        let clip = try await castformProcess(["run", "livepeer_stream.main-stage", "clip", "--start=-60s", "--name", "highlight"], environment: environment, directory: engine.directory.path)
        #expect(clip.stdout.contains("Clip requested"), "\(clip.stderr)")
    }

    /// The README's commands, as written there.
    @Test func theLiveEventExampleAppliesInTheSandboxAndThenPlansNoChanges() async throws {
        let engine = try await LivepeerEngine.liveEvent()
        defer { Task { await engine.stop() } }
        let environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": engine.directory.path,
                           "YOUTUBE_RTMP_URL": "rtmp://a.rtmp.youtube.com/live2/xxxx"]
        let apply = try await castformProcess(["apply", "--sandbox", "--auto-approve"], environment: environment, directory: engine.directory.path)
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains("Resources: 4 added"))
        let plan = try await castformProcess(["plan", "--sandbox", "--detailed-exitcode"], environment: environment, directory: engine.directory.path)
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        let key = try await castformProcess(["output", "--sandbox", "livepeer_stream.main-stage.stream_key", "--show-sensitive"],
                                            environment: environment, directory: engine.directory.path)
        #expect(key.stdout.split(separator: "-").count == 4, "\(key.stdout)\(key.stderr)")
    }
}
