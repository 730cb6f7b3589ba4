/// What can go wrong with state, as data: paths, serials, who holds a lock. The wording is
/// in one place, `message` (StateError+Message.swift).
public enum StateError: Error, Sendable, Equatable {
    case locked(LockInfo)
    /// The lock is held, but its holder has not written who it is yet: a castform starting.
    case lockBeingTaken(path: String)
    case lockNotFound(id: String)
    /// force-unlock of a lock whose holder still runs. A local lock is released by the system
    /// when its holder exits, so forcing it would only let two writers in.
    case lockHolderRunning(LockInfo)
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)
    case wrongLineage(expected: String, found: String)
    /// The state file is there but is not a castform state; `backup` when one exists.
    case notAStateFile(path: String, detail: String, backup: String?)
    /// The state file's path names a directory (or another non-file); `backup` when one exists.
    case stateNotAFile(path: String, backup: String?)
    /// No state file, though the state directory shows there was one: never an empty state.
    case stateMissing(StateRecovery)
    /// The journal does not carry on from the state file (at `serial`): changes would be lost.
    case journalBroken(journal: String, problem: JournalProblem, state: String, serial: Int)
}
