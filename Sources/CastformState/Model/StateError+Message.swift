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
        case .notAStateFile(let path, let detail, let backup):
            let restore = backup.map { "Restore the previous state with: cp \(shell($0)) \(shell(path)) (what the last run changed is then missing from it: check castform plan before you apply)." }
            return "\(path) is not a castform state file (\(detail)); castform will not take it for an empty state. " + (restore ?? "Put a good copy of the state file at \(path).")
        case .stateNotAFile(let path, let backup):
            let restore = backup.map { ": cp \(shell($0)) \(shell(path)) restores the last backup." } ?? ", from a copy of it if you have one."
            return "\(path) is not a file (a directory?), where castform keeps the state file; castform will not take that for an empty state. Move it aside (mv \(shell(path)) \(shell(path + ".moved"))) and put the state file back" + restore
        case .stateMissing(let recovery):
            return Self.missing(recovery)
        case .journalBroken(let journal, let problem, let state, let serial):
            return "the journal \(journal) does not continue the state \(state) (serial \(serial)): \(Self.describe(problem)). castform will not plan from a state it knows to be incomplete: objects recorded only in the lost changes would be made again. The state file is whole up to serial \(serial); to carry on from it, move the journal aside (mv \(shell(journal)) \(shell(journal + ".broken"))), then adopt the objects the changes after serial \(serial) made (its lines name them with their ids) with castform import ADDR ID before you apply."
        case .pushRefused(let refusal):
            return Self.describe(refusal)
        case .invalidBackendURL(let problem):
            return "the postgres backend's url is not usable: " + Self.describe(problem)
        case .backendUnreachable(let target, let reason):
            return "cannot connect to the state database \(target): \(reason). Check that the server runs and that the url (CASTFORM_PG_URL) names the right host, port, database, user and password."
        case .backendFailed(let target, let reason):
            return "the state database \(target) refused a request: \(reason)"
        case .backendTimedOut(let target, let seconds):
            return "the state database \(target) did not answer within \(seconds)s; nothing more was written. Try again when it answers."
        case .schemaTooNew(let target, let found, let supported):
            return "the state database \(target) holds castform tables of schema version \(found), but this castform knows versions up to \(supported) only: a newer castform migrated it. Use that castform (or newer); castform never migrates a schema backwards."
        case .lockBeingWritten(let workspace):
            return "the state of workspace \(workspace) is locked by a castform that is starting: it holds the lock but has not written who it is yet. Wait for it to finish, then try again."
        case .lockLost(let id):
            return "this castform lost its state lock \(id) (its database session ended: a lost connection, or castform force-unlock); another castform may be writing the state now, so this one writes nothing more. Run castform plan to see where things stand, then apply again."
        case .writeConflict(let conflict):
            return Self.describe(conflict)
        }
    }

    /// A state file that is gone: what is left, and the way back from it.
    private static func missing(_ recovery: StateRecovery) -> String {
        let path = recovery.path
        var left: [String] = []
        if let backup = recovery.backup {
            left.append("its backup \(backup.path)" + (backup.serial.map { " (serial \($0))" } ?? " (which cannot be read either)"))
        }
        if let journal = recovery.journal { left.append("its journal \(journal.path)") }
        var text = "the state file \(path) is missing, but this workspace had state: \(left.joined(separator: " and ")) \(left.count > 1 ? "are" : "is") there. castform will not plan or apply from an empty state: that would make every object again. "
        let adopt = "adopt the objects that already exist with castform import ADDR ID before you apply"
        switch (recovery.backup, recovery.journal?.fit) {
        case (let backup?, let fit) where backup.serial != nil:
            text += "Restore the backup with: cp \(shell(backup.path)) \(shell(path))"
            switch fit {
            case .continues(let through)?:
                text += "; the journal continues it and is replayed on top of it (up to serial \(through)), so nothing is lost."
            case .broken(let problem)?:
                let journal = recovery.journal!.path
                text += ", after moving the journal aside (mv \(shell(journal)) \(shell(journal + ".broken"))): it does not continue the backup (\(describe(problem))). Changes made after the backup may then be missing: check castform plan, and \(adopt) (the journal's lines name objects with their ids)."
            case nil:
                text += ". Changes made after the backup was written are not in it: check castform plan, and \(adopt)."
            }
        default:
            // No readable backup: an unreadable one has to go too before the state can load.
            let backup = recovery.backup.map { "mv \(shell($0.path)) \(shell($0.path + ".broken"))" }
            text += "If you have a copy of the state file, put it back at \(path). Otherwise "
            switch recovery.journal?.fit {
            case .continues(let through)?:
                text += "move the unreadable backup aside (\(backup ?? "")): the journal holds every change from the first (up to serial \(through)) and castform rebuilds the state from it."
            case .broken(let problem)?:
                let journal = recovery.journal!.path
                let moves = ["mv \(shell(journal)) \(shell(journal + ".broken"))"] + (backup.map { [$0] } ?? [])
                let what = backup == nil ? "it" : "it and the unreadable backup"
                text += "the journal cannot rebuild the state (\(describe(problem))): move \(what) aside (\(moves.joined(separator: "; "))), then \(adopt) (the journal's lines name objects with their ids)."
            case nil:
                text += "move the unreadable backup aside (\(backup ?? "")), then \(adopt)."
            }
        }
        return text
    }

    private static func describe(_ refusal: PushRefusal) -> String {
        switch refusal {
        case .otherLineage(let current, let pushed):
            return "the pushed state's lineage is \(pushed), but this workspace's state has lineage \(current): it is another workspace's state. castform state push -force replaces it anyway."
        case .olderSerial(let current, let pushed):
            return "the pushed state's serial is \(pushed), older than the current state's \(current): pushing it would undo \(current - pushed) recorded change(s). castform state push -force replaces it anyway."
        }
    }

    private static func describe(_ problem: URLProblem) -> String {
        switch problem {
        case .notPostgres:
            return "it must be a postgres:// (or postgresql://) URL, e.g. postgres://USER:PASSWORD@HOST:5432/DATABASE"
        case .noHost:
            return "it names no host, e.g. postgres://USER:PASSWORD@HOST:5432/DATABASE"
        case .unknownSSLMode(let mode):
            return "sslmode=\(mode) is not one of disable, allow, prefer, require, verify-ca, verify-full"
        }
    }

    private static func describe(_ conflict: WriteConflict) -> String {
        var text = "castform refused to write the state of workspace \(conflict.workspace): it expected serial \(conflict.expectedSerial)"
        if let found = conflict.foundSerial {
            text += ", but the database holds serial \(found)" + (conflict.foundLineage.map { " (lineage \($0))" } ?? "")
        } else {
            text += ", but the database holds no state for it"
        }
        if let holder = conflict.holder { text += ", and the lock is held: \(holder.summary)" }
        return text + ". Another castform changed the state since this one read it (this one may have lost its lock). Run castform plan again and apply from the state as it is now."
    }

    /// A journal problem, as a clause: "line 4 holds change 9, but change 7 comes next: ...".
    static func describe(_ problem: JournalProblem) -> String {
        switch problem {
        case .empty:
            return "it holds no complete change"
        case .gap(let line, let expected, let found) where found > expected:
            let missing = found == expected + 1 ? "change \(expected) is" : "changes \(expected) to \(found - 1) are"
            return "line \(line) holds change \(found), but change \(expected) comes next: \(missing) missing"
        case .gap(let line, let expected, let found):
            return "line \(line) holds change \(found), but change \(expected) comes next: the lines are out of order"
        case .foreignLineage(let line, let lineage, let expected):
            return "line \(line) belongs to another state (lineage \(lineage); this one's is \(expected))"
        case .undecodable(let line):
            return "line \(line) is not a journal entry"
        case .lineTooLong(let line, let limit):
            return "line \(line) is longer than \(limit) bytes, more than castform ever writes"
        case .notAFile:
            return "it is not a file (a directory?)"
        case .unreadable(let reason):
            return "it cannot be read (\(reason))"
        }
    }
}

/// A path as a shell word, quoted when it holds anything a shell would split or expand.
private func shell(_ path: String) -> String {
    let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:@%,")
    guard !path.isEmpty, path.unicodeScalars.allSatisfy(plain.contains) else {
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
    return path
}
