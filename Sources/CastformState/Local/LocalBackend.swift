import CastformCore
import Foundation

/// State in files: `state.json` (the snapshot), `state.json.journal` (one fsync'd JSON line per
/// completed operation since the snapshot), `state.json.backup` (the previous snapshot) and
/// `state.json.lock`.
///
/// Writing the whole snapshot after every operation would make an apply of N objects cost
/// O(N²) bytes; appending one journal line keeps it O(N), and `persist` folds the journal into
/// a new snapshot once, at the end. `load` replays a journal left by an interrupted run.
public struct LocalBackend: StateBackend {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    var journalPath: String { path + ".journal" }
    var backupPath: String { path + ".backup" }
    var lockPath: String { path + ".lock" }
    var directory: String { (path as NSString).deletingLastPathComponent }

    struct JournalEntry: Codable {
        var lineage: String
        var serial: Int
        var change: StateChange
    }

    public func load() async throws -> StateSnapshot? {
        var snapshot: StateSnapshot?
        if let data = FileManager.default.contents(atPath: path) {
            do {
                snapshot = try StateCoding.decoder.decode(StateSnapshot.self, from: data)
            } catch {
                throw StateError.unreadable(path: path, reason: "it is not a castform state file (\(error)); the previous version is in \(backupPath)")
            }
        }
        guard let journal = FileManager.default.contents(atPath: journalPath) else { return snapshot }
        for line in journal.split(separator: UInt8(ascii: "\n")) {
            // A line cut short by a crash was never acknowledged: what it describes is pending.
            guard let entry = try? StateCoding.decoder.decode(JournalEntry.self, from: Data(line)) else { continue }
            if snapshot == nil { snapshot = StateSnapshot(serial: 0, lineage: entry.lineage) }
            guard entry.lineage == snapshot!.lineage, entry.serial > snapshot!.serial else { continue }
            snapshot!.apply(entry.change)
            snapshot!.serial = entry.serial
        }
        return snapshot
    }

    public func record(_ change: StateChange, in snapshot: StateSnapshot) async throws {
        try DurableFile.createDirectory(directory)
        let entry = JournalEntry(lineage: snapshot.lineage, serial: snapshot.serial, change: change)
        try DurableFile.appendLine(try StateCoding.lineEncoder.encode(entry), to: journalPath)
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

    /// Takes the lock, or says who holds it.
    ///
    /// The lock file appears whole or not at all: it is written and synced under a name of
    /// this process's own, then hard-linked into place (which, like `O_EXCL`, fails when a
    /// lock exists). Created in place, a castform killed between creating and writing it left
    /// an empty lock that no one could read or take over.
    public func lock(_ info: LockInfo) async throws {
        try DurableFile.createDirectory(directory)
        let draft = lockPath + ".\(getpid()).draft"
        let fd = open(draft, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw StateError.unwritable(path: draft, reason: String(cString: strerror(errno))) }
        do {
            try DurableFile.writeAll(fd, try StateCoding.encoder.encode(info), path: draft)
            fsync(fd)
            close(fd)
        } catch {
            close(fd)
            unlink(draft)
            throw error
        }
        defer { unlink(draft) }
        for _ in 0..<2 {
            if link(draft, lockPath) == 0 {
                DurableFile.syncDirectory(directory)
                return
            }
            guard errno == EEXIST else { throw StateError.unwritable(path: lockPath, reason: String(cString: strerror(errno))) }
            guard let holder = currentLock() else {
                // Released between the two calls: try again. Present but unreadable: not a
                // lock castform wrote (it never leaves a partial one), so a person decides.
                guard FileManager.default.fileExists(atPath: lockPath) else { continue }
                throw StateError.unwritable(path: lockPath, reason: "the lock file cannot be read; if no castform is running on this workspace, delete it")
            }
            // A holder on this machine that no longer runs cannot release its lock (SIGKILL,
            // a crash); such a lock is stale and taken over.
            if holder.host == info.host, holder.pid != info.pid, kill(holder.pid, 0) != 0, errno == ESRCH {
                unlink(lockPath)
                continue
            }
            throw StateError.locked(holder)
        }
        throw StateError.unwritable(path: lockPath, reason: "the lock file keeps changing")
    }

    public func unlock(id: String) async throws {
        guard let holder = currentLock(), holder.id == id else { throw StateError.lockNotFound(id: id) }
        unlink(lockPath)
    }

    public func forceUnlock(id: String) async throws {
        try await unlock(id: id)
    }

    func currentLock() -> LockInfo? {
        FileManager.default.contents(atPath: lockPath).flatMap { try? StateCoding.decoder.decode(LockInfo.self, from: $0) }
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

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
