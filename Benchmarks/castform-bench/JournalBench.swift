// `journal` mode: what the state backend costs per operation, local and PostgreSQL, when
// castform publishes N shows to the Mixcloud emulator (real HTTP on loopback, real multipart
// uploads) — the work of `castform apply --auto-approve` in process, holding the state lock
// as the command does. Then the same number of changes recorded one after another with no
// engine around them: the backend's cost per operation alone.
//
// PostgreSQL: CASTFORM_BENCH_PG_URL, else CASTFORM_TEST_PG_URL (scripts/postgres-server.sh
// starts one); without either, the local backend only.
import CastformCore
import CastformEmulator
import CastformExecution
import CastformManifest
import CastformPlanning
import CastformProviders
import CastformState
import Foundation

func runJournal(_ options: Options) async throws {
    let environment = ProcessInfo.processInfo.environment
    let url = environment["CASTFORM_BENCH_PG_URL"] ?? environment["CASTFORM_TEST_PG_URL"]
    if url == nil { print("journal: no CASTFORM_BENCH_PG_URL or CASTFORM_TEST_PG_URL: local backend only") }
    for count in options.resources {
        var times = PhaseTimes()
        for _ in 0..<options.runs {
            let fixture = try ShowFixture(count: count)
            defer { fixture.remove() }
            try await measure("local", count, fixture, options, &times) { LocalBackend(path: fixture.root + "/.castform\($0)/state.json") }
            if let url {
                let workspace = "bench-\(UUID().uuidString.prefix(8).lowercased())"
                try await measure("postgres", count, fixture, options, &times) { try PostgresBackend(url: url, workspace: workspace + $0) }
            }
        }
        times.report("journal, \(count) shows to the Mixcloud emulator, parallelism \(options.parallelism):")
    }
}

/// One apply of every show from an empty state on `backend`, then the backend alone.
/// `make` gives a backend for a state named by a suffix ("" for the apply's).
private func measure(_ name: String, _ count: Int, _ fixture: ShowFixture, _ options: Options, _ times: inout PhaseTimes,
                     make: (String) throws -> any StateBackend) async throws {
    let inner = try make("")
    let emulator = EmulatorServer(service: MixcloudEmulator())
    let port = try await emulator.start()
    var context = ProviderContext(settings: ["mixcloud": ["user": .string("deepsessions")]], endpoints: ["mixcloud": "http://127.0.0.1:\(port)"],
                                  sandbox: true)
    context.workspaceRoot = fixture.root
    let providers = Providers.make(context)
    let workspace = try fixture.loadWorkspace(providers)
    let planned = await Planner(providers: providers, environment: [:]).plan(workspace, state: StateSnapshot())
    guard let plan = planned.plan else { throw BenchError("plan: \(planned.diagnostics.prefix(3))") }

    let backend = TimedBackend(inner)
    let lock = LockInfo(operation: "apply")
    try await backend.lock(lock)
    let executor = Executor(providers: providers, declared: DeclaredValues(workspace: workspace, environment: [:]),
                            parallelism: options.parallelism, observer: SilentObserver())
    let (summary, seconds) = await timed { await executor.apply(plan, state: StateSnapshot(), backend: backend) }
    try await backend.unlock(id: lock.id)
    await emulator.stop()
    guard summary.succeeded else { throw BenchError("\(name) apply failed: \(summary.failed.prefix(3)) \(summary.stateErrors.prefix(3))") }
    let figures = backend.figures
    times.add("\(name): apply, \(count) shows", seconds)
    times.add("\(name):   in record, \(figures.records) operations (summed over parallel steps)", figures.recordSeconds)
    times.addPerOperation("\(name):   record, per operation (summed / operations)", figures.recordSeconds / Double(max(1, figures.records)))
    times.add("\(name):   persist at the end", figures.persistSeconds)
    try await recordAlone(name, summary.state, try make("-alone"), &times)
}

/// Records every object of `state` again, one change after another, into a fresh state of
/// the same backend kind: the cost of one durable operation with nothing else running.
private func recordAlone(_ name: String, _ state: StateSnapshot, _ backend: any StateBackend, _ times: inout PhaseTimes) async throws {
    let lock = LockInfo(operation: "bench")
    try await backend.lock(lock)
    var snapshot = StateSnapshot()
    snapshot.apply(.outputs([:]))
    try await backend.persist(snapshot)
    let (_, seconds) = try await timed {
        for resource in state.resources {
            snapshot.apply(.put(resource))
            try await backend.record(.put(resource), in: snapshot)
        }
    }
    try await backend.unlock(id: lock.id)
    times.addPerOperation("\(name): \(state.resources.count) records one after another, per operation", seconds / Double(max(1, state.resources.count)))
}
