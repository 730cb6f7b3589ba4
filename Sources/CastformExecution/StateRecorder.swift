import CastformCore
import CastformState

/// The one writer of state during an apply: applies each change to the snapshot and makes it
/// durable through the backend before the next step may rely on it.
///
/// Records run one at a time, in the order they arrive. The actor alone would not ensure it:
/// it is reentrant, so while one record awaits the backend (an fsync) another could apply its
/// change and overtake it. Journal lines would then be written out of serial order, and a
/// replay, which skips a line whose serial is not above the last one, would drop a completed
/// operation. And the snapshot handed to the backend, still alive, would make every change
/// applied meanwhile copy all the resources (O(N) per change, O(N²) per apply).
actor StateRecorder {
    private(set) var snapshot: StateSnapshot
    private let backend: any StateBackend
    private(set) var errors: [String] = []
    /// The state's lineage, which no change alters: read without copying the snapshot out of
    /// the actor.
    nonisolated let lineage: String
    /// Whether a record is under way; the records waiting for it, first come first.
    private var recording = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// Set when a change could not be made durable: no further operation may start, since
    /// its outcome could not be recorded either (a lost database session, a full disk, a
    /// lost lock). The executor stops as it does on a signal.
    private let stop: CancellationFlag?

    init(snapshot: StateSnapshot, backend: any StateBackend, stop: CancellationFlag? = nil) {
        self.snapshot = snapshot
        self.backend = backend
        self.stop = stop
        lineage = snapshot.lineage
    }

    func record(_ change: StateChange) async {
        if recording {
            // The record before hands its turn straight to this one (`recording` stays true).
            await withCheckedContinuation { waiting.append($0) }
        }
        recording = true
        snapshot.apply(change)
        do {
            try await backend.record(change, in: snapshot)
        } catch let error as StateError {
            errors.append(error.message)
            stop?.set()
        } catch {
            errors.append("\(error)")
            stop?.set()
        }
        if waiting.isEmpty {
            recording = false
        } else {
            waiting.removeFirst().resume()
        }
    }

    func resource(_ address: ResourceAddress) -> ResourceState? {
        snapshot.resource(address)
    }

    func persist() async {
        do {
            try await backend.persist(snapshot)
        } catch let error as StateError {
            errors.append(error.message)
        } catch {
            errors.append("\(error)")
        }
    }
}
