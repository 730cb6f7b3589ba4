import CastformCore
import CastformState

/// The one writer of state during an apply: applies each change to the snapshot and makes it
/// durable through the backend before the next step may rely on it.
actor StateRecorder {
    private(set) var snapshot: StateSnapshot
    private let backend: any StateBackend
    private(set) var errors: [String] = []
    /// The state's lineage, which no change alters: read without copying the snapshot out of
    /// the actor (a copy alive while `record` changes the snapshot makes that change copy
    /// every resource).
    nonisolated let lineage: String

    init(snapshot: StateSnapshot, backend: any StateBackend) {
        self.snapshot = snapshot
        self.backend = backend
        lineage = snapshot.lineage
    }

    func record(_ change: StateChange) async {
        snapshot.apply(change)
        do {
            try await backend.record(change, in: snapshot)
        } catch let error as StateError {
            errors.append(error.message)
        } catch {
            errors.append("\(error)")
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
