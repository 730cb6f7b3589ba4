@testable import CastformExecution
import CastformCore
import CastformState
import Foundation
import Testing

/// Group commit: changes that complete while a write is under way are written together, in
/// arrival order, and no caller returns before its change is durable.
@Suite struct StateRecorderTests {
    /// A batching backend whose first write waits until the test lets it go.
    actor GatedBackend: BatchRecordingBackend {
        private(set) var batches: [[Int]] = []
        private var gate: CheckedContinuation<Void, Never>?
        private var held = true

        func record(_ change: StateChange, in snapshot: StateSnapshot) async throws {
            try await record([change], in: snapshot)
        }

        func record(_ changes: [StateChange], in snapshot: StateSnapshot) async throws {
            if held, batches.isEmpty { await withCheckedContinuation { gate = $0 } }
            batches.append(Array((snapshot.serial - changes.count + 1)...snapshot.serial))
        }

        func release() {
            held = false
            gate?.resume()
            gate = nil
        }

        var isHolding: Bool { gate != nil }

        func load() async throws -> StateSnapshot? { nil }
        func persist(_ snapshot: StateSnapshot) async throws {}
        func lock(_ info: LockInfo) async throws {}
        func unlock(id: String) async throws {}
        func forceUnlock(id: String) async throws {}
    }

    static func put(_ index: Int) -> StateChange {
        .put(ResourceState(address: ResourceAddress(type: "mixcloud_cloudcast", name: "show-\(index)"), provider: "mixcloud", id: "/x/\(index)/"))
    }

    @Test func changesArrivingDuringAWriteAreWrittenAsOneBatchAndReturnOnlyThen() async throws {
        let backend = GatedBackend()
        let recorder = StateRecorder(snapshot: StateSnapshot(), backend: backend)
        let returned = ReturnLog()
        let first = Task { await recorder.record(Self.put(0)); await returned.add(0) }
        while !(await backend.isHolding) { await Task.yield() }
        let rest = (1...5).map { index in Task { await recorder.record(Self.put(index)); await returned.add(index) } }
        // The five queue behind the held write; none may return yet.
        while await recorder.queued < 5 { await Task.yield() }
        #expect(await returned.indices.isEmpty)
        await backend.release()
        await first.value
        for task in rest { await task.value }
        #expect(await backend.batches == [[1], [2, 3, 4, 5, 6]])
        #expect(Set(await returned.indices) == Set(0...5))
        let snapshot = await recorder.snapshot
        #expect(snapshot.serial == 6 && snapshot.resources.count == 6)
    }

    actor ReturnLog {
        private(set) var indices: [Int] = []
        func add(_ index: Int) { indices.append(index) }
    }
}
