import Foundation

/// The words for every `StateError`: what is wrong, where (the path), and what to do, with
/// commands to copy where there is something to run.
extension StateError {
    public var message: String {
        switch self {
        case .locked(let info):
            return "the state is locked: \(info.summary). Wait for it to finish: the lock is released when that castform exits, however it exits (if it hangs, stop it: kill \(info.pid) on \(info.host))."
        case .lockBeingTaken(let path):
            return "the state is locked by a castform that is starting: it holds \(path) but has not written who it is yet. Wait for it to finish, then try again."
        case .lockNotFound(let id):
            return "no lock with id \(id) is held on this state"
        case .lockHolderRunning(let info):
            return "lock \(info.id) is held by a castform that is still running: \(info.summary). Local state cannot be unlocked by another process: a local lock is released when the process holding it exits, however it exits. Wait for it to finish, or stop it (kill \(info.pid) on \(info.host))."
        case .unreadable(let path, let reason):
            return "cannot read the state at \(path): \(reason)"
        case .unwritable(let path, let reason):
            return "cannot write the state at \(path): \(reason)"
        case .wrongLineage(let expected, let found):
            return "the state's lineage is \(found), not \(expected): it belongs to another workspace"
        }
    }

}
