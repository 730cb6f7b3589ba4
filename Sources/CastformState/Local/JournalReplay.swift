import Foundation

/// One journal line: a completed change and the serial it gave the state.
struct JournalEntry: Codable {
    var lineage: String
    var serial: Int
    var change: StateChange
}

/// Applies journal lines to a snapshot, and refuses a journal that does not continue it.
///
/// The journal holds the changes made since the snapshot, each with the serial it gave the
/// state. Entries at or below the snapshot's serial are in it already (a run stopped between
/// writing the snapshot and removing the journal) and are skipped; the rest must follow on
/// one by one. A missing serial is a lost change — perhaps the create of an object that would
/// then be made again — so a gap, an entry of another state, or a line that is not an entry
/// stops the replay. Only an unterminated last line is passed over: a write cut short by a
/// crash, never acknowledged, whose operation the next run finds pending.
struct JournalReplay {
    /// The state so far: nil until an entry is applied when replaying onto nothing.
    private(set) var snapshot: StateSnapshot?
    private(set) var applied = 0

    init(onto snapshot: StateSnapshot?) {
        self.snapshot = snapshot
    }

    /// Applies one line; throws a `JournalProblem` where the journal stops continuing the state.
    mutating func apply(_ line: JournalReader.Line) throws {
        guard line.terminated else { return }
        guard line.bytes.contains(where: { !Self.isBlank($0) }) else { return }
        guard let entry = try? StateCoding.decoder.decode(JournalEntry.self, from: line.bytes) else {
            throw JournalProblem.undecodable(line: line.number)
        }
        // A journal with no state file before it starts from the empty state of its lineage.
        if snapshot == nil { snapshot = StateSnapshot(serial: 0, lineage: entry.lineage) }
        let lineage = snapshot!.lineage, serial = snapshot!.serial
        guard entry.lineage == lineage else {
            throw JournalProblem.foreignLineage(line: line.number, lineage: entry.lineage, expected: lineage)
        }
        if applied == 0 && entry.serial <= serial { return }
        guard entry.serial == serial + 1 else { throw JournalProblem.gap(line: line.number, expected: serial + 1, found: entry.serial) }
        snapshot!.apply(entry.change)
        applied += 1
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// Replays the journal at `path` onto `snapshot`; nil when there is no journal.
    static func replay(_ path: String, onto snapshot: StateSnapshot?) throws -> JournalReplay? {
        switch FileKind(path) {
        case .missing: return nil
        case .notAFile: throw JournalProblem.notAFile
        case .unreadable(let reason): throw JournalProblem.unreadable(reason: reason)
        case .file: break
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw JournalProblem.unreadable(reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var replay = JournalReplay(onto: snapshot)
        try JournalReader(descriptor: descriptor).forEachLine { try replay.apply($0) }
        return replay
    }
}
