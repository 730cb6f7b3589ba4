import Foundation

/// One example of every `StateError`, with made-up but typical values: the generated
/// troubleshooting page (`castform docs generate`) prints each with its message, which says
/// what to do, so the page cannot drift from what castform prints.
extension StateError {
    public static var examples: [(situation: String, error: StateError)] {
        let holder = LockInfo(id: "5f0c2a9e-3b1d-4c7e-9a65-2f8d1e0b7c44", user: "ci", host: "runner-7", pid: 4242, operation: "apply",
                              created: Date(timeIntervalSince1970: 1_796_000_000))
        let state = ".castform/state.json"
        let journal = ".castform/state.json.journal"
        let target = "db.example.org:5432/castform"
        return [
            ("Another castform is applying", .locked(holder)),
            ("A castform is starting and has not written who it is yet", .lockBeingTaken(path: state + ".lock")),
            ("force-unlock with an id no lock has", .lockNotFound(id: holder.id)),
            ("force-unlock of a local lock whose holder still runs", .lockHolderRunning(holder)),
            ("The state file cannot be read", .unreadable(path: state, reason: "Permission denied")),
            ("The state file cannot be written", .unwritable(path: state, reason: "No space left on device")),
            ("A state of another workspace", .wrongLineage(expected: "b7e0…", found: "41c2…")),
            ("The state file is damaged", .notAStateFile(path: state, detail: "not JSON", backup: state + ".backup")),
            ("A directory where the state file should be", .stateNotAFile(path: state, backup: nil)),
            ("The state file is gone, its backup and journal are not",
             .stateMissing(StateRecovery(path: state, backup: .init(path: state + ".backup", serial: 41),
                                         journal: .init(path: journal, fit: .continues(through: 43))))),
            ("The journal does not continue the state",
             .journalBroken(journal: journal, problem: .gap(line: 3, expected: 42, found: 44), state: state, serial: 41)),
            ("state push of another workspace's state", .pushRefused(.otherLineage(current: "b7e0…", pushed: "41c2…"))),
            ("state push of an older state", .pushRefused(.olderSerial(current: 43, pushed: 40))),
            ("A state URL that is not PostgreSQL's", .invalidBackendURL(.notPostgres)),
            ("PostgreSQL cannot be reached", .backendUnreachable(target: target, reason: "connection refused")),
            ("PostgreSQL refuses a statement", .backendFailed(target: target, reason: "permission denied for table castform_operations (SQLSTATE 42501)")),
            ("PostgreSQL stops answering", .backendTimedOut(target: target, seconds: 30)),
            ("The database was used by a newer castform", .schemaTooNew(target: target, found: 3, supported: 2)),
            ("A castform is starting on PostgreSQL and has not written who it is yet", .lockBeingWritten(workspace: "production")),
            ("This castform's database session ended mid-apply", .lockLost(id: holder.id)),
            ("Another writer moved the state on",
             .writeConflict(WriteConflict(workspace: "production", expectedSerial: 41, foundSerial: 42, foundLineage: "b7e0…", holder: holder))),
        ]
    }
}
