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
    /// A state replaced by `state push` (or a migration) that does not follow the current one.
    case pushRefused(PushRefusal)

    // The PostgreSQL backend. `target` is `host:port/database`: never the URL, which holds
    // the password.
    case invalidBackendURL(URLProblem)
    case backendUnreachable(target: String, reason: String)
    case backendFailed(target: String, reason: String)
    /// A query or connection took longer than the backend waits.
    case backendTimedOut(target: String, seconds: Int64)
    /// The database's castform tables are of a newer schema than this castform knows.
    case schemaTooNew(target: String, found: Int, supported: Int)
    /// The lock is held, but its holder has not written who it is yet: a castform starting.
    case lockBeingWritten(workspace: String)
    /// This process took lock `id`, but its session ended (lost connection, force-unlock):
    /// another castform may hold the state now, so nothing more is written.
    case lockLost(id: String)
    /// A write whose compare-and-set found the state moved on: another writer holds or held it.
    case writeConflict(WriteConflict)
}

/// Why `state push` refuses a state, unless forced.
public enum PushRefusal: Sendable, Equatable {
    case otherLineage(current: String, pushed: String)
    case olderSerial(current: Int, pushed: Int)
}

/// What is wrong with a PostgreSQL URL, without the URL (it holds the password).
public enum URLProblem: Sendable, Equatable {
    case notPostgres
    case noHost
    case unknownSSLMode(String)
}

/// A refused write: what the writer expected and what the database holds.
public struct WriteConflict: Sendable, Equatable {
    public var workspace: String
    public var expectedSerial: Int
    /// nil when the workspace has no state at all.
    public var foundSerial: Int?
    public var foundLineage: String?
    /// Who holds the lock now, if anyone.
    public var holder: LockInfo?

    public init(workspace: String, expectedSerial: Int, foundSerial: Int?, foundLineage: String?, holder: LockInfo?) {
        self.workspace = workspace
        self.expectedSerial = expectedSerial
        self.foundSerial = foundSerial
        self.foundLineage = foundLineage
        self.holder = holder
    }
}
