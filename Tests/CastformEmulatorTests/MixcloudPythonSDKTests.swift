@testable import CastformEmulator
import Foundation
import Testing

/// The official Python `mixcloud` library (0.4.0) against the emulator: DESIGN.md §5 requires
/// the services' own SDKs to work with it. Runs scripts/sdk/mixcloud_sdk_test.py in
/// .venv-sdk/, which scripts/sdk/setup-venv.sh creates.
@Suite struct MixcloudPythonSDKTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func pythonLibraryUploadsAndReadsBackAShow() async throws {
        let python = Self.root.appendingPathComponent(".venv-sdk/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            Issue.record("\(python.path) is missing: run scripts/sdk/setup-venv.sh to install the Python SDKs")
            return
        }
        let emulator = MixcloudEmulator()
        try await withMixcloud(emulator) { client, _ in
            let (status, output) = try await Self.run(python, [Self.root.appendingPathComponent("scripts/sdk/mixcloud_sdk_test.py").path], environment: [
                "CASTFORM_MIXCLOUD_URL": "http://127.0.0.1:\(client.port)",
                "CASTFORM_MIXCLOUD_TOKEN": MixcloudTestClient.token,
            ])
            #expect(status == 0, "mixcloud_sdk_test.py failed:\n\(output)")
        }
        let show = try #require(await emulator.cloudcast(key: "/deepsessions/deep-sessions-42/"))
        #expect(show.sections == [
            .track("Kerri Chandler", "Rain", at: 0), .track("Larry Heard", "Can You Feel It", at: 174),
            .track("Moodymann", "Shades of Jae", at: 3730),
        ])
        #expect(show.tags == ["deep house", "soulful house", "vinyl"])
        #expect(show.otherFields["percentage_music"] == "100")
        #expect(show.audio?.byteCount == 48_000 && show.audioLength == 3)
        #expect(show.picture?.byteCount == 1004)
        #expect(await emulator.cloudcasts.map(\.key) == ["/deepsessions/deep-sessions-42/", "/deepsessions/deep-sessions-42-2/"])
    }

    /// Runs a program to its end without blocking a concurrency thread; returns its exit status
    /// and its standard output and error, interleaved.
    static func run(_ program: URL, _ arguments: [String], environment: [String: String]) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sdk-test-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        let status = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, Error>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        try handle.close()
        return (status, try String(contentsOf: output, encoding: .utf8))
    }
}
