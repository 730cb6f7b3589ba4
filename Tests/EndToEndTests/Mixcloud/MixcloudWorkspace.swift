import CastformEmulator
import CastformTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A copy of `examples/weekly-show` pointed at an in-process Mixcloud emulator, driven through
/// the built `castform` binary: the test can inject faults and read the emulator's request log
/// and shows, which `--sandbox` (emulator inside the castform process) would hide.
final class MixcloudWorkspace: @unchecked Sendable {
    let directory: TemporaryDirectory
    let emulator: MixcloudEmulator
    let server: EmulatorServer
    let port: Int
    /// The emulator's clock: the real time plus however far a test moved it on.
    let clock = ShiftedClock()

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
        emulator = MixcloudEmulator(now: { [clock] in clock.now })
        server = EmulatorServer(service: emulator, faults: faults)
        port = try await server.start()
        try directory.write("castform.yaml", """
            providers:
              mixcloud: {user: deepsessions, endpoint: "http://127.0.0.1:\(port)"}
            variables:
              show_prefix: Deep Sessions
            """)
    }

    /// Removes the state entirely — state file, backup, journal — as on a new machine: the
    /// shows exist, and no state knows them. (A state file removed alone is a lost state,
    /// which castform refuses to take for an empty one.)
    func forgetState() throws {
        for suffix in ["", ".backup", ".journal"] where FileManager.default.fileExists(atPath: directory.path + "/.castform/state.json" + suffix) {
            try FileManager.default.removeItem(atPath: directory.path + "/.castform/state.json" + suffix)
        }
    }

    func stop() async {
        await server.stop()
        directory.remove()
    }

    /// Runs the binary on a thread of its own: waiting for it on one of the few cooperative
    /// threads would starve the in-process emulator it talks to (a deadlock on a 2-core CI).
    @discardableResult
    func castform(_ arguments: String..., environment extra: [String: String] = [:]) async throws -> ProcessResult {
        try await castform(arguments, environment: extra)
    }

    @discardableResult
    func castform(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> ProcessResult {
        let environment = [
            "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path,
            "MIXCLOUD_ACCESS_TOKEN": "mixcloud-test-token",
        ].merging(extra) { $1 }
        return try await ProcessRunner.runOnOwnThread(ProcessRunner.castformBinary(), arguments, environment: environment,
                                                      directory: directory.path)
    }

    /// Starts the binary without waiting for it (to signal or kill it midway); its output
    /// goes to `castform.log` in the workspace.
    func start(_ arguments: String...) throws -> Process {
        try ProcessRunner.start(ProcessRunner.castformBinary(), arguments, environment: [
            "PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path, "MIXCLOUD_ACCESS_TOKEN": "mixcloud-test-token",
        ], directory: directory.path, output: directory.path + "/castform.log")
    }

    /// Applies the manifests as they are now: directly (`apply --auto-approve`), or as CI
    /// does, through a saved plan (`plan -out review.plan`, then `apply review.plan`).
    func apply(_ mode: ApplyMode, _ extra: String...) async throws -> ProcessResult {
        switch mode {
        case .direct:
            return try await castform(["apply", "--auto-approve"] + extra)
        case .savedPlan:
            let plan = try await castform(["plan", "-out", "review.plan"] + extra)
            guard plan.status == 0 else { return plan }
            return try await castform(["apply", "review.plan"] + extra.filter { $0 != "." })
        }
    }

    func edit(_ relative: String, _ change: (String) -> String) throws {
        let path = directory.path + "/" + relative
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try change(text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Appends `count` bytes to a file of the workspace: new content under the same name (a
    /// re-mastered audio file, a new cover saved over the old one).
    func append(_ count: Int, to relative: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: directory.path + "/" + relative))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(repeating: 0xFF, count: count))
        try handle.close()
    }

    /// The shows of the account, by key.
    var shows: [String: MixcloudCloudcast] {
        get async { Dictionary(uniqueKeysWithValues: await emulator.cloudcasts.map { ($0.key, $0) }) }
    }

    /// POSTs to a show's edit endpoint since the log was last reset.
    func edits(_ slug: String) -> Int {
        server.log.count("POST", "/upload/deepsessions/\(slug)/edit/")
    }

    /// Single-show GETs (`/deepsessions/<slug>/`) since the log was last reset, by path: what a
    /// read makes beyond the cloudcast list.
    var singleGets: [String: Int] {
        server.log.entries.filter { $0.method == "GET" && !["/deepsessions/cloudcasts/", "/deepsessions/", "/me/"].contains($0.path) }
            .reduce(into: [:]) { counts, entry in counts[entry.path, default: 0] += 1 }
    }

    /// Requests for pages of the cloudcast list since the log was last reset.
    var listRequests: Int {
        server.log.count("GET", "/deepsessions/cloudcasts/")
    }

    /// Edits a show as the owner would on Mixcloud's site, through the API's edit endpoint and
    /// not through castform. The clock moves on a minute first: Mixcloud's `updated_time` is to
    /// the second, and an edit must not fall in the second of castform's last read.
    func editOutsideCastform(_ slug: String, _ fields: [(String, String)]) async throws {
        clock.advance(by: 60)
        var components = URLComponents(string: "http://127.0.0.1:\(port)/upload/deepsessions/\(slug)/edit/")!
        components.queryItems = [URLQueryItem(name: "access_token", value: "mixcloud-test-token")]
        let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let encode = { (text: String) in text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "" }
        var request = URLRequest(url: components.url!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(fields.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&").utf8)
        let (body, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else { throw OutsideEditFailed(status: status, body: String(decoding: body, as: UTF8.self)) }
    }
}

struct OutsideEditFailed: Error {
    var status: Int
    var body: String
}

/// How a test applies a change: directly, or through a saved plan file as CI does.
enum ApplyMode: String, CaseIterable, Sendable {
    case direct, savedPlan
}

/// A clock for the emulator that runs with the real one, and that a test can move forward.
final class ShiftedClock: @unchecked Sendable {
    private let lock = NSLock()
    private var offset: TimeInterval = 0

    var now: Date { lock.withLock { Date().addingTimeInterval(offset) } }

    func advance(by seconds: TimeInterval) {
        lock.withLock { offset += seconds }
    }
}
