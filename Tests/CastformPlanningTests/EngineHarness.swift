import CastformCore
import CastformExecution
import CastformManifest
import CastformPlanning
import CastformState
import CastformTestSupport
import Foundation

/// A workspace on disk, the fake service in memory and a local state backend: the whole
/// engine without the command line.
final class EngineHarness: @unchecked Sendable {
    let directory: TemporaryDirectory
    let store = FakeStore()
    var faults = FakeFaults()
    var environment: [String: String] = ["FAKE_SECRET": "hunter2"]
    let backend: LocalBackend
    let events = RecordingObserver()

    init(_ manifests: String, lineage: String = "test-lineage") async throws {
        directory = try TemporaryDirectory("castform-engine")
        try directory.write("main.yaml", manifests)
        backend = LocalBackend(path: directory.path + "/.castform/state.json")
        try await backend.persist(StateSnapshot(lineage: lineage))
    }

    deinit { directory.remove() }

    var provider: FakeProvider { FakeProvider(store: store, faults: faults) }
    var providers: ProviderSet { ProviderSet([provider]) }

    func write(_ manifests: String) throws {
        try directory.write("main.yaml", manifests)
    }

    func workspace() throws -> Workspace {
        let result = WorkspaceLoader(registry: providers.registry, environment: environment).load(root: directory.path)
        if result.hasErrors { throw HarnessError(message: "\(result.diagnostics)") }
        return result.workspace!
    }

    func state() async throws -> StateSnapshot {
        try await backend.load() ?? StateSnapshot()
    }

    func plan(_ options: PlanOptions = PlanOptions()) async throws -> Plan {
        let result = await Planner(providers: providers, environment: environment).plan(try workspace(), state: try await state(), options: options)
        guard let plan = result.plan else { throw HarnessError(message: "\(result.diagnostics)") }
        return plan
    }

    func planResult(_ options: PlanOptions = PlanOptions()) async throws -> PlanResult {
        await Planner(providers: providers, environment: environment).plan(try workspace(), state: try await state(), options: options)
    }

    @discardableResult
    func apply(_ options: PlanOptions = PlanOptions(), parallelism: Int = 4, cancellation: CancellationFlag = CancellationFlag()) async throws -> ExecutionSummary {
        let plan = try await plan(options)
        return try await execute(plan, parallelism: parallelism, cancellation: cancellation)
    }

    func execute(_ plan: Plan, parallelism: Int = 4, cancellation: CancellationFlag = CancellationFlag()) async throws -> ExecutionSummary {
        let executor = Executor(providers: providers, declared: DeclaredValues(workspace: try workspace(), environment: environment),
                                parallelism: parallelism, observer: events, cancellation: cancellation)
        return await executor.apply(plan, state: try await state(), backend: backend)
    }

    /// The fake service's objects by name.
    var remote: [String: FakeStore.Object] {
        Dictionary(store.read().objects.values.map { ($0.attributes["name"]?.stringValue ?? $0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    var log: [String] { store.read().log }
}

struct HarnessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Keeps every event, for assertions about what the executor reported.
final class RecordingObserver: ExecutionObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [ExecutionEvent] = []

    func handle(_ event: ExecutionEvent) {
        lock.lock()
        recorded.append(event)
        lock.unlock()
    }

    var all: [ExecutionEvent] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
