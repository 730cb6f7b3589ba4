import CastformCore
import CastformEmulator
import CastformExecution
import CastformManifest
import CastformPlanning
import CastformProviders
import CastformState
import CastformTestSupport
import Foundation

/// The real Livepeer provider, the engine and a local state file, against an emulator on a
/// loopback port whose faults and request log a test controls.
final class LivepeerEngine: @unchecked Sendable {
    let emulator = LivepeerEmulator()
    let server: EmulatorServer
    let port: Int
    let directory: TemporaryDirectory
    let backend: LocalBackend
    var environment: [String: String] = ["YOUTUBE_RTMP_URL": "rtmp://a.rtmp.youtube.com/live2/yt-secret-key-1"]

    init(_ manifests: [String: String], faults: FaultPlan = FaultPlan()) async throws {
        server = EmulatorServer(service: emulator, faults: faults)
        port = try await server.start()
        directory = try TemporaryDirectory("castform-livepeer")
        for (name, text) in manifests { try directory.write(name, text) }
        backend = LocalBackend(path: directory.path + "/.castform/state.json")
        try await backend.persist(StateSnapshot(lineage: "lineage-\(UUID().uuidString)"))
    }

    /// The example workspace `examples/live-event`, as the README shows it.
    static func liveEvent(faults: FaultPlan = FaultPlan()) async throws -> LivepeerEngine {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let example = root.appendingPathComponent("examples/live-event")
        var files: [String: String] = [:]
        for name in ["castform.yaml", "streams.yaml"] {
            files[name] = try String(contentsOf: example.appendingPathComponent(name), encoding: .utf8)
        }
        return try await LivepeerEngine(files, faults: faults)
    }

    func stop() async {
        await server.stop()
        directory.remove()
    }

    var baseURL: String { "http://127.0.0.1:\(port)/api" }

    var providers: ProviderSet {
        Providers.make(ProviderContext(environment: ["LIVEPEER_API_KEY": "livepeer-test-key"],
                                       endpoints: ["livepeer": baseURL]))
    }

    func write(_ name: String, _ text: String) throws {
        try directory.write(name, text)
    }

    func edit(_ name: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: directory.path + "/" + name, encoding: .utf8)
        try directory.write(name, change(text))
    }

    func workspace() throws -> Workspace {
        let result = WorkspaceLoader(registry: providers.registry, environment: environment).load(root: directory.path)
        if result.hasErrors { throw EngineError(message: "\(result.diagnostics)") }
        return result.workspace!
    }

    func state() async throws -> StateSnapshot {
        try await backend.load() ?? StateSnapshot()
    }

    func planResult(_ options: PlanOptions = PlanOptions()) async throws -> PlanResult {
        await Planner(providers: providers, environment: environment).plan(try workspace(), state: try await state(), options: options)
    }

    func plan(_ options: PlanOptions = PlanOptions()) async throws -> Plan {
        let result = try await planResult(options)
        guard let plan = result.plan else { throw EngineError(message: "\(result.diagnostics)") }
        return plan
    }

    @discardableResult
    func apply(_ options: PlanOptions = PlanOptions()) async throws -> ExecutionSummary {
        let plan = try await plan(options)
        let executor = Executor(providers: providers, declared: DeclaredValues(workspace: try workspace(), environment: environment),
                                parallelism: 4, observer: NullObserver(), cancellation: CancellationFlag())
        return await executor.apply(plan, state: try await state(), backend: backend)
    }

    /// Applies the manifests as they are now: in process, or as CI does it, with the binary:
    /// `castform plan -out review.plan` then `castform apply review.plan`. Whether it worked.
    @discardableResult
    func apply(_ mode: ApplyMode) async throws -> Bool {
        switch mode {
        case .direct:
            return try await apply().succeeded
        case .savedPlan:
            try directory.write("castform.yaml", try String(contentsOfFile: directory.path + "/castform.yaml", encoding: .utf8)
                .replacingOccurrences(of: "livepeer: {}", with: "livepeer: {endpoint: \"\(baseURL)\"}"))
            let environment = self.environment.merging(["PATH": "/usr/bin:/bin", "HOME": directory.path, "NO_COLOR": "1",
                                                        "LIVEPEER_API_KEY": "livepeer-test-key"]) { $1 }
            let plan = try await castformProcess(["plan", "-out", "review.plan"], environment: environment, directory: directory.path)
            guard plan.status == 0 else { throw EngineError(message: "plan -out failed: \(plan.stdout)\(plan.stderr)") }
            let apply = try await castformProcess(["apply", "review.plan"], environment: environment, directory: directory.path)
            if apply.status != 0 { print("apply review.plan failed: \(apply.stdout)\(apply.stderr)") }
            return apply.status == 0
        }
    }

    /// The plan's actions that do something, as "kind address [attributes]".
    func actions(_ plan: Plan) -> [String] {
        plan.changes.filter { $0.kind != .noOp && $0.kind != .read }.map { change in
            "\(change.kind) \(change.address)" + (change.changedAttributes.isEmpty || change.kind == .create ? "" : " \(change.changedAttributes)")
        }
    }
}

/// How a test applies a change: directly, or through a saved plan file as CI does.
enum ApplyMode: String, CaseIterable, Sendable {
    case direct, savedPlan
}

struct EngineError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

struct NullObserver: ExecutionObserver {
    func handle(_ event: ExecutionEvent) {}
}

/// Runs castform on a thread of its own: the emulator serving it lives in this process.
func castformProcess(_ arguments: [String], environment: [String: String], directory: String) async throws -> ProcessResult {
    try await ProcessRunner.runOnOwnThread(ProcessRunner.castformBinary(), arguments, environment: environment, directory: directory)
}
