// State backends for the apply benchmark: one that times the real backend's durable writes
// (the fsync'd journal line per operation is a deliberate cost, measured apart from the
// engine's own work), and one that keeps state in memory, for the engine alone.
import CastformState
import Foundation

/// Passes every call to `inner`, adding up the wall time spent in `record` and `persist`.
final class TimedBackend: StateBackend, @unchecked Sendable {
    let inner: any StateBackend
    private let lock = NSLock()
    private var recordSeconds = 0.0
    private var persistSeconds = 0.0
    private var records = 0

    init(_ inner: any StateBackend) {
        self.inner = inner
    }

    var figures: (records: Int, recordSeconds: Double, persistSeconds: Double) {
        lock.withLock { (records, recordSeconds, persistSeconds) }
    }

    func load() async throws -> StateSnapshot? { try await inner.load() }

    func record(_ change: StateChange, in snapshot: StateSnapshot) async throws {
        let (_, elapsed) = try await timed { try await inner.record(change, in: snapshot) }
        lock.withLock {
            records += 1
            recordSeconds += elapsed
        }
    }

    func persist(_ snapshot: StateSnapshot) async throws {
        let (_, elapsed) = try await timed { try await inner.persist(snapshot) }
        lock.withLock { persistSeconds += elapsed }
    }

    func lock(_ info: LockInfo) async throws { try await inner.lock(info) }
    func unlock(id: String) async throws { try await inner.unlock(id: id) }
    func forceUnlock(id: String) async throws { try await inner.forceUnlock(id: id) }
}

/// State in memory: no I/O at all.
actor MemoryBackend: StateBackend {
    private var snapshot: StateSnapshot?

    func load() async throws -> StateSnapshot? { snapshot }
    func record(_ change: StateChange, in snapshot: StateSnapshot) async throws {}
    func persist(_ snapshot: StateSnapshot) async throws { self.snapshot = snapshot }
    func lock(_ info: LockInfo) async throws {}
    func unlock(id: String) async throws {}
    func forceUnlock(id: String) async throws {}
}
