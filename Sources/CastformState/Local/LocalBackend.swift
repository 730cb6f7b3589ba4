import CastformCore
import CastformJSON
import Foundation

/// State in files: `state.json` (the snapshot), `state.json.journal` (one fsync'd JSON line per
/// completed operation since the snapshot), `state.json.backup` (the previous snapshot) and
/// `state.json.lock`.
///
/// Writing the whole snapshot after every operation would make an apply of N objects cost
/// O(N²) bytes; appending one journal line keeps it O(N), and `persist` folds the journal into
/// a new snapshot once, at the end. `load` (LocalBackend+Load.swift) replays a journal left by
/// an interrupted run, and refuses to take lost state for no state.
public struct LocalBackend: BatchRecordingBackend {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    var journalPath: String { path + ".journal" }
    var backupPath: String { path + ".backup" }
    var lockPath: String { path + ".lock" }
    var directory: String { (path as NSString).deletingLastPathComponent }

    /// Appends the change to the journal; the first change of a state that has no file yet
    /// writes the whole snapshot as the state file instead.
    ///
    /// So a journal never stands without a state file before it, and a state directory with a
    /// journal or a backup but no state file always means a lost state file: `load` can refuse
    /// it without guessing.
    public func record(_ change: StateChange, in snapshot: StateSnapshot) async throws {
        try await record([change], in: snapshot)
    }

    /// Appends one line per change with a single write and a single fsync (group commit).
    public func record(_ changes: [StateChange], in snapshot: StateSnapshot) async throws {
        try DurableFile.createDirectory(directory)
        if FileKind(path) == .missing {
            try DurableFile.writeAtomically(try StateCoding.encoder.encode(snapshot), to: path)
            return
        }
        let first = snapshot.serial - changes.count + 1
        let lines = try changes.enumerated().map { offset, change in
            try StateCoding.lineEncoder.encode(JournalEntry(lineage: snapshot.lineage, serial: first + offset, change: change))
        }
        try DurableFile.appendLines(lines, to: journalPath)
    }

    public func persist(_ snapshot: StateSnapshot) async throws {
        try DurableFile.createDirectory(directory)
        if let previous = FileManager.default.contents(atPath: path) {
            try DurableFile.writeAtomically(previous, to: backupPath)
        }
        try DurableFile.writeAtomically(try StateCoding.encoder.encode(snapshot), to: path)
        // The snapshot now holds every journalled change (their serials are not above its own).
        unlink(journalPath)
        DurableFile.syncDirectory(directory)
    }

    /// Takes the lock (see `LockFile`), or says who holds it; then, holding it, removes what
    /// castforms killed midway left beside the state.
    public func lock(_ info: LockInfo) async throws {
        try DurableFile.createDirectory(directory)
        try await LockFile(path: lockPath).acquire(info)
        StrayFiles.removeLeftovers(of: path)
    }

    public func unlock(id: String) async throws {
        try await LockFile(path: lockPath).release(id: id)
    }

    /// Removes a lock file no process holds; refuses while its holder runs (see `LockFile`).
    public func forceUnlock(id: String) async throws {
        try await LockFile(path: lockPath).forceRelease(id: id)
    }
}

/// JSON settings shared by state, journal and lock files.
enum StateCoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let lineEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    /// Reads dates as ISO 8601, as the encoders write them; one pass over the bytes.
    static let decoder = JSONValueDecoder()
}
