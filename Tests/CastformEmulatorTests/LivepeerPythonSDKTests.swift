import CastformEmulator
import Foundation
import Testing

/// The official Python SDK, livepeer 0.3.0, against the emulator: scripts/sdk/livepeer_sdk_test.py
/// runs in the virtualenv that scripts/sdk/setup-venv.sh makes, and must exit 0; then the
/// emulator must hold exactly what the script left behind.
@Suite struct LivepeerPythonSDKTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theOfficialPythonSDKWorksAgainstTheEmulator() async throws {
        let python = Self.root.appendingPathComponent(".venv-sdk/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            Issue.record("\(python.path) is missing: run scripts/sdk/setup-venv.sh to install the SDKs")
            return
        }
        try await LivepeerHarness.with { lp in
            let run = try await Self.run(python, script: "scripts/sdk/livepeer_sdk_test.py", environment: [
                "CASTFORM_LIVEPEER_URL": lp.baseURL,
                "CASTFORM_LIVEPEER_KEY": LivepeerHarness.key,
            ])
            #expect(run.status == 0, "the SDK script failed:\n\(run.output)")
            let line = try #require(run.output.split(separator: "\n").last { $0.hasPrefix("RESULT ") })
            let ids = try #require(try JSONSerialization.jsonObject(with: Data(line.dropFirst(7).utf8)) as? [String: String])

            let streams = await lp.emulator.streams
            #expect(streams.map(\.id) == [ids["stream"]], "one stream left: the other was deleted")
            let stream = try #require(streams.first)
            #expect(stream.name == "sdk main stage" && stream.record == false)
            #expect(stream.userTags?["revision"] == 2)
            #expect(stream.profiles?.map(\.name) == ["720p"])
            #expect(stream.profiles?.first?.fpsDen == 1)
            #expect(stream.multistreamTargets.map(\.id) == [ids["inlineTarget"]])
            #expect(stream.creatorId?.value == "user123")

            let targets = await lp.emulator.targets
            #expect(targets.map(\.id) == [ids["inlineTarget"], ids["target"]])
            #expect(targets.map(\.url) == ["rtmp://a.example/live/KEY", "rtmps://live.twitch.tv/app/SECRET"])
            let webhooks = await lp.emulator.webhooks
            #expect(webhooks.map(\.id) == [ids["webhook"]], "exactly one webhook, although the SDK raised")
            #expect(webhooks.first?.sharedSecret == "s3cret")
            #expect(webhooks.first?.events == ["playback.accessControl", "stream.started"])
            #expect(lp.server.log.count("POST", "/api/webhook") == 1)
        }
    }

    /// Runs a script from the repository root, its stdout and stderr into one file.
    static func run(_ python: URL, script: String, environment: [String: String]) async throws -> (status: Int32, output: String) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("lp-sdk-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = python
        process.arguments = [script]
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = handle
        process.standardError = handle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try handle.close()
        return (status, String(decoding: try Data(contentsOf: output), as: UTF8.self))
    }
}
