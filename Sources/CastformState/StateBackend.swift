/// Where state lives. Every backend passes the same conformance suite
/// (`StateBackendConformance` in CastformTestSupport).
///
/// The contract: `record` makes one completed operation durable before it returns (so an
/// interrupted apply never loses what it did), `load` sees every recorded change, and
/// `persist` folds everything into one consistent snapshot at the end of a run.
public protocol StateBackend: Sendable {
    /// The state, with every recorded change replayed; nil when there is none yet.
    func load() async throws -> StateSnapshot?
    /// Durably records one change on top of `snapshot` (which already includes it).
    func record(_ change: StateChange, in snapshot: StateSnapshot) async throws
    /// Writes the whole snapshot atomically and forgets the recorded changes.
    func persist(_ snapshot: StateSnapshot) async throws
    /// Takes the lock or throws `StateError.locked` at once with who holds it.
    func lock(_ info: LockInfo) async throws
    func unlock(id: String) async throws
    /// Removes a lock its holder can no longer release. A backend whose locks end with their
    /// holder's process or session (the local lock file) refuses one whose holder still runs,
    /// with `StateError.lockHolderRunning`: forcing it would let two writers in.
    func forceUnlock(id: String) async throws
}

/// A backend that can make several changes durable together: the state recorder hands it
/// every change that completed while the previous write was under way, so an apply pays one
/// fsync per batch instead of one per operation. No change is acknowledged before its batch
/// is durable.
public protocol BatchRecordingBackend: StateBackend {
    /// Durably records `changes`, in order, on top of `snapshot`, which already includes them
    /// all: their serials are the last `changes.count` up to `snapshot.serial`.
    func record(_ changes: [StateChange], in snapshot: StateSnapshot) async throws
}
