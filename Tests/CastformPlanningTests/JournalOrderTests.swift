import CastformCore
import CastformExecution
import CastformPlanning
import CastformState
import CastformTestSupport
import Foundation
import Testing

/// The journal is replayed in serial order, skipping any line whose serial is not above the
/// last one: its lines must be written in that order even when operations run side by side
/// and one journal write is slow, or a run killed before the final fold loses what it did.
@Suite struct JournalOrderTests {
    @Test func aKilledRunReplaysEveryCompletedOperationEvenAfterASlowJournalWrite() async throws {
        let harness = try await EngineHarness("fake_object:\n  a: {name: a}\n  b: {name: b}\n  c: {name: c}\n  d: {name: d}\n")
        #expect(try await harness.apply().succeeded)
        let plan = try await harness.plan(PlanOptions(destroy: true))
        let backend = SlowFirstRecordBackend(harness.backend)
        let executor = Executor(providers: harness.providers, declared: DeclaredValues(workspace: try harness.workspace(), environment: harness.environment),
                                parallelism: 4, observer: harness.events)
        let summary = await executor.apply(plan, state: try await harness.state(), backend: backend)
        #expect(summary.succeeded)
        #expect(summary.state.resources.isEmpty)
        // What the next run finds: state.json as before this run, plus the journal.
        let replayed = try #require(try await harness.backend.load())
        #expect(replayed.resources.map(\.address.name) == [])
        #expect(replayed.serial == summary.state.serial)
    }
}

/// The local backend with its first journal write slowed down (a disk that stalls), and no
/// final fold into state.json (as if castform were killed just before it).
final class SlowFirstRecordBackend: StateBackend, @unchecked Sendable {
    let inner: LocalBackend
    private let lock = NSLock()
    private var records = 0

    init(_ inner: LocalBackend) {
        self.inner = inner
    }

    func record(_ change: StateChange, in snapshot: StateSnapshot) async throws {
        let first = lock.withLock {
            records += 1
            return records == 1
        }
        if first { try await Task.sleep(for: .milliseconds(200)) }
        try await inner.record(change, in: snapshot)
    }

    func persist(_ snapshot: StateSnapshot) async throws {}
    func load() async throws -> StateSnapshot? { try await inner.load() }
    func lock(_ info: LockInfo) async throws { try await inner.lock(info) }
    func unlock(id: String) async throws { try await inner.unlock(id: id) }
    func forceUnlock(id: String) async throws { try await inner.forceUnlock(id: id) }
}
