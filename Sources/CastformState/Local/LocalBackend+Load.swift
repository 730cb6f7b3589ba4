import CastformCore
import Foundation

/// Loading a local state: the snapshot with its journal replayed on top, and never an empty
/// state where the state directory shows there was one.
///
/// An empty state plans every object as new, so a state that was lost and read as empty
/// makes every object again — on a service that cannot delete, for good. Whatever does not
/// add up (no state file beside a backup or a journal, a state file that is a directory, a
/// journal that does not continue the snapshot) is refused with a `StateError` that says
/// how to get the state back.
extension LocalBackend {
    public func load() async throws -> StateSnapshot? {
        // Reading a large state is CPU work: off Swift concurrency's threads (see `runBlocking`).
        let backend = self
        return try await runBlocking { try backend.loadNow() }
    }

    private func loadNow() throws -> StateSnapshot? {
        switch FileKind(path) {
        case .file:
            let snapshot = try readSnapshot(path)
            do {
                return try JournalReplay.replay(journalPath, onto: snapshot)?.snapshot ?? snapshot
            } catch let problem as JournalProblem {
                throw StateError.journalBroken(journal: journalPath, problem: problem, state: path, serial: snapshot.serial)
            }
        case .notAFile:
            throw StateError.stateNotAFile(path: path, backup: FileKind(backupPath) == .missing ? nil : backupPath)
        case .unreadable(let reason):
            throw StateError.unreadable(path: path, reason: reason)
        case .missing:
            return try loadWithoutStateFile()
        }
    }

    /// No state file: no state, unless a backup or a journal is there. A journal alone that
    /// holds every change from the first is the whole state (an older castform, which wrote
    /// no state file until the end of a run, stopped in a first apply); anything else is a
    /// lost state file.
    private func loadWithoutStateFile() throws -> StateSnapshot? {
        let hasBackup = FileKind(backupPath) != .missing
        guard hasBackup || FileKind(journalPath) != .missing else { return nil }
        let backup = hasBackup ? try? readSnapshot(backupPath) : nil
        var journal: StateRecovery.Journal?
        do {
            if let replay = try JournalReplay.replay(journalPath, onto: backup) {
                if !hasBackup, replay.applied > 0, let whole = replay.snapshot { return whole }
                let fit = replay.applied > 0 ? JournalFit.continues(through: replay.snapshot!.serial) : .broken(.empty)
                journal = StateRecovery.Journal(path: journalPath, fit: fit)
            }
        } catch let problem as JournalProblem {
            journal = StateRecovery.Journal(path: journalPath, fit: .broken(problem))
        }
        let kept = hasBackup ? StateRecovery.Backup(path: backupPath, serial: backup?.serial) : nil
        throw StateError.stateMissing(StateRecovery(path: path, backup: kept, journal: journal))
    }

    func readSnapshot(_ file: String) throws -> StateSnapshot {
        let data: Data
        do {
            // Read, not mapped: castform itself replaces a state file by renaming, but a file
            // truncated in place meanwhile (a backup copied over it, another host on a network
            // volume) would turn a mapped read into a crash instead of this error.
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw StateError.unreadable(path: file, reason: error.localizedDescription)
        }
        let direct = data.withUnsafeBytes { raw in StateSnapshot(stateText: raw.bindMemory(to: UInt8.self)) }
        if let direct { return direct }
        // Not as castform writes it: Codable reads what it can and says where it fails.
        do {
            return try StateCoding.decoder.decode(StateSnapshot.self, from: data)
        } catch {
            let backup = file == path && FileKind(backupPath) != .missing ? backupPath : nil
            throw StateError.notAStateFile(path: file, detail: Self.describe(error), backup: backup)
        }
    }

    /// A decoding error in a line: where in the document, and what.
    static func describe(_ error: Error) -> String {
        let context: DecodingError.Context
        switch error as? DecodingError {
        case .dataCorrupted(let found)?, .keyNotFound(_, let found)?, .typeMismatch(_, let found)?, .valueNotFound(_, let found)?:
            context = found
        default:
            return "\(error)"
        }
        let at = context.codingPath.map(\.stringValue).joined(separator: ".")
        return (at.isEmpty ? "" : "at \(at): ") + context.debugDescription
    }
}
