import CastformCore
import CastformState

/// The one writer of state during an apply: applies each change to the snapshot and makes it
/// durable through the backend before the next step may rely on it.
///
/// Writes run one at a time, in the order changes arrive. The actor alone would not ensure it:
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
    /// Whether a write is under way; the changes that arrived meanwhile, first come first,
    /// each with its caller's continuation (resumed with `true` when that caller is to write
    /// the next batch, `false` when its change is durable).
    private var recording = false
    private var waiting: [(change: StateChange, caller: CheckedContinuation<Bool, Never>)] = []
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

    /// How many changes wait for the write under way (tests watch it).
    var queued: Int { waiting.count }

    /// Returns once `change` is durable.
    ///
    /// Group commit: changes that complete while a write is under way wait together, and when
    /// it ends the first of them writes them all as one batch (one fsync for the local
    /// backend) and wakes the others. Order is arrival order, and no caller returns before
    /// its change is durable.
    func record(_ change: StateChange) async {
        var batch: [(change: StateChange, caller: CheckedContinuation<Bool, Never>?)]
        if recording {
            let leads = await withCheckedContinuation { waiting.append((change, $0)) }
            guard leads else { return }
            // This caller leads: its batch is everyone waiting now, itself first (already resumed).
            batch = waiting.enumerated().map { ($1.change, $0 == 0 ? nil : $1.caller) }
            waiting = []
        } else {
            recording = true
            batch = [(change, nil)]
        }
        await write(batch.map(\.change))
        for entry in batch { entry.caller?.resume(returning: false) }
        if waiting.isEmpty {
            recording = false
        } else {
            waiting[0].caller.resume(returning: true)
        }
    }

    /// Applies `changes` to the snapshot and makes them durable: together when the backend
    /// can, else one by one.
    private func write(_ changes: [StateChange]) async {
        if changes.count > 1, let batching = backend as? any BatchRecordingBackend {
            for change in changes { snapshot.apply(change) }
            await attempt { try await batching.record(changes, in: snapshot) }
        } else {
            for change in changes {
                snapshot.apply(change)
                await attempt { try await backend.record(change, in: snapshot) }
            }
        }
    }

    private func attempt(_ body: () async throws -> Void) async {
        do {
            try await body()
        } catch let error as StateError {
            errors.append(error.message)
            stop?.set()
        } catch {
            errors.append("\(error)")
            stop?.set()
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
