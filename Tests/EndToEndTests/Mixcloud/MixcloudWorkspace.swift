import CastformEmulator
import CastformTestSupport
import Foundation

/// A copy of `examples/weekly-show` pointed at an in-process Mixcloud emulator, driven through
/// the built `castform` binary: the test can inject faults and read the emulator's request log
/// and shows, which `--sandbox` (emulator inside the castform process) would hide.
final class MixcloudWorkspace: @unchecked Sendable {
    let directory: TemporaryDirectory
    let emulator: MixcloudEmulator
    let server: EmulatorServer
    let port: Int

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    init(example: Bool = true, faults: FaultPlan = FaultPlan()) async throws {
        directory = try TemporaryDirectory("castform-mixcloud-e2e")
        if example {
            let source = Self.repositoryRoot + "/examples/weekly-show"
            for item in try FileManager.default.contentsOfDirectory(atPath: source) where item != ".castform" {
                try FileManager.default.copyItem(atPath: source + "/" + item, toPath: directory.path + "/" + item)
            }
        }
        emulator = MixcloudEmulator()
        server = EmulatorServer(service: emulator, faults: faults)
        port = try await server.start()
        try directory.write("castform.yaml", """
            providers:
              mixcloud: {user: deepsessions, endpoint: "http://127.0.0.1:\(port)"}
            variables:
              show_prefix: Deep Sessions
            """)
    }

    func stop() async {
        await server.stop()
        directory.remove()
    }

    /// Runs the binary on a thread of its own: waiting for it on one of the few cooperative
    /// threads would starve the in-process emulator it talks to (a deadlock on a 2-core CI).
    @discardableResult
    func castform(_ arguments: String..., environment extra: [String: String] = [:]) async throws -> ProcessResult {
        let environment = [
            "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path,
            "MIXCLOUD_ACCESS_TOKEN": "mixcloud-test-token",
        ].merging(extra) { $1 }
        let directory = directory.path
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    try ProcessRunner.run(ProcessRunner.castformBinary(), arguments, environment: environment, directory: directory)
                })
            }
        }
    }

    func edit(_ relative: String, _ change: (String) -> String) throws {
        let path = directory.path + "/" + relative
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try change(text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The shows of the account, by key.
    var shows: [String: MixcloudCloudcast] {
        Dictionary(uniqueKeysWithValues: emulator.cloudcasts.map { ($0.key, $0) })
    }

    /// POSTs to a show's edit endpoint since the log was last reset.
    func edits(_ slug: String) -> Int {
        server.log.count("POST", "/upload/deepsessions/\(slug)/edit/")
    }
}
