/// What can go wrong with state, as data; the wording is in `message`.
public enum StateError: Error, Sendable, Equatable {
    case locked(LockInfo)
    case lockNotFound(id: String)
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)
    case wrongLineage(expected: String, found: String)

    public var message: String {
        switch self {
        case .locked(let info):
            return "the state is locked: \(info.summary). Wait for it to finish; if no castform is running, remove the lock with: castform force-unlock \(info.id)"
        case .lockNotFound(let id):
            return "no lock with id \(id) is held on this state"
        case .unreadable(let path, let reason):
            return "cannot read the state at \(path): \(reason)"
        case .unwritable(let path, let reason):
            return "cannot write the state at \(path): \(reason)"
        case .wrongLineage(let expected, let found):
            return "the state's lineage is \(found), not \(expected): it belongs to another workspace"
        }
    }
}
