/// What is left of a local state whose state file is gone: the facts a message needs to say
/// how to get the state back (see `StateError.stateMissing`).
public struct StateRecovery: Sendable, Equatable {
    /// Where the state file should be.
    public var path: String
    public var backup: Backup?
    public var journal: Journal?

    public init(path: String, backup: Backup?, journal: Journal?) {
        self.path = path
        self.backup = backup
        self.journal = journal
    }

    /// The previous state file, kept by the last write of the state.
    public struct Backup: Sendable, Equatable {
        public var path: String
        /// nil when the backup cannot be read either.
        public var serial: Int?

        public init(path: String, serial: Int?) {
            self.path = path
            self.serial = serial
        }
    }

    /// The changes recorded since the state file was last written.
    public struct Journal: Sendable, Equatable {
        public var path: String
        /// Whether the journal carries on from the backup (from an empty state when there is no
        /// readable backup).
        public var fit: JournalFit

        public init(path: String, fit: JournalFit) {
            self.path = path
            self.fit = fit
        }
    }
}

/// How a journal relates to the state it is replayed onto.
public enum JournalFit: Sendable, Equatable {
    /// Every change after that state is there, up to this serial.
    case continues(through: Int)
    case broken(JournalProblem)
}

/// Why a journal cannot be replayed onto a state: each case is a way changes can be lost.
public enum JournalProblem: Error, Sendable, Equatable {
    /// It holds no complete change.
    case empty
    /// A change is missing: line `line` holds serial `found` where `expected` was due.
    case gap(line: Int, expected: Int, found: Int)
    /// Line `line` belongs to another state.
    case foreignLineage(line: Int, lineage: String, expected: String)
    /// Line `line`, complete (not the torn last write of a crash), is not a journal entry.
    case undecodable(line: Int)
    /// Line `line` is longer than any castform writes.
    case lineTooLong(line: Int, limit: Int)
    /// The journal's path names a directory or another kind of non-file.
    case notAFile
    case unreadable(reason: String)
}
