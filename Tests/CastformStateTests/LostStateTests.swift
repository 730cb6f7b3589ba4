import CastformCore
import CastformState
import Foundation
import Testing

/// A state directory that shows there was a state — a backup, a journal — but has no state
/// file refuses to load as an empty state, and says how to get the state back.
@Suite struct LostStateTests {
    @Test func aStateFileDeletedBesideItsBackupIsRefusedWithTheWayBack() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 2, recorded: 0)
        try await state.build(persisted: 5, recorded: 0)
        try FileManager.default.removeItem(atPath: state.path)
        let error = await state.loadError()
        #expect(error == .stateMissing(StateRecovery(path: state.path, backup: .init(path: state.backup, serial: 2), journal: nil)))
        #expect(error?.message == "the state file \(state.path) is missing, but this workspace had state: its backup \(state.backup) (serial 2) is there. castform will not plan or apply from an empty state: that would make every object again. Restore the backup with: cp \(state.backup) \(state.path). Changes made after the backup was written are not in it: check castform plan, and adopt the objects that already exist with castform import ADDR ID before you apply.")
    }

    /// Stopped between writing the backup and the new state file, a run leaves a journal
    /// that carries on from the backup: restored, the backup gets it replayed on top.
    @Test func aRestoredBackupHasTheJournalThatContinuesItReplayedOnTop() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 2, recorded: 3)
        try FileManager.default.copyItem(atPath: state.path, toPath: state.backup)
        try FileManager.default.removeItem(atPath: state.path)
        let error = await state.loadError()
        #expect(error == .stateMissing(StateRecovery(path: state.path, backup: .init(path: state.backup, serial: 2),
                                                     journal: .init(path: state.journal, fit: .continues(through: 5)))))
        #expect(error?.message.hasSuffix("Restore the backup with: cp \(state.backup) \(state.path); the journal continues it and is replayed on top of it (up to serial 5), so nothing is lost.") == true)
        try FileManager.default.copyItem(atPath: state.backup, toPath: state.path)
        let loaded = try #require(try await state.backend.load())
        #expect(loaded.serial == 5 && loaded.resources.count == 5)
    }

    @Test func aJournalThatDoesNotContinueTheBackupIsToBeMovedAside() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        let lineage = UUID().uuidString.lowercased()
        try await state.build(persisted: 2, recorded: 0, lineage: lineage)
        try await state.build(persisted: 4, recorded: 2, lineage: lineage)
        try FileManager.default.removeItem(atPath: state.path)
        let error = await state.loadError()
        #expect(error == .stateMissing(StateRecovery(path: state.path, backup: .init(path: state.backup, serial: 2),
                                                     journal: .init(path: state.journal, fit: .broken(.gap(line: 1, expected: 3, found: 5))))))
        #expect(error?.message.contains("Restore the backup with: cp \(state.backup) \(state.path), after moving the journal aside (mv \(state.journal) \(state.journal).broken): it does not continue the backup (line 1 holds change 5, but change 3 comes next: changes 3 to 4 are missing).") == true)
    }

    @Test func aStateFileThatIsADirectoryIsRefused() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 1, recorded: 0)
        try await state.build(persisted: 2, recorded: 0)
        try FileManager.default.removeItem(atPath: state.path)
        try FileManager.default.createDirectory(atPath: state.path, withIntermediateDirectories: false)
        let error = await state.loadError()
        #expect(error == .stateNotAFile(path: state.path, backup: state.backup))
        #expect(error?.message == "\(state.path) is not a file (a directory?), where castform keeps the state file; castform will not take that for an empty state. Move it aside (mv \(state.path) \(state.path).moved) and put the state file back: cp \(state.backup) \(state.path) restores the last backup.")
    }

    /// An older castform wrote no state file until the end of a run: killed in a first
    /// apply, it left a journal alone, which holds every change from the first.
    @Test func aJournalAloneFromTheFirstChangeIsTheWholeState() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 0, recorded: 3)
        try FileManager.default.removeItem(atPath: state.path)
        let loaded = try #require(try await state.backend.load())
        #expect(loaded.serial == 3 && loaded.resources.count == 3)
    }

    @Test func aJournalAloneThatStartsLaterIsRefused() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 4, recorded: 2)
        try FileManager.default.removeItem(atPath: state.path)
        let error = await state.loadError()
        #expect(error == .stateMissing(StateRecovery(path: state.path, backup: nil,
                                                     journal: .init(path: state.journal, fit: .broken(.gap(line: 1, expected: 1, found: 5))))))
        #expect(error?.message == "the state file \(state.path) is missing, but this workspace had state: its journal \(state.journal) is there. castform will not plan or apply from an empty state: that would make every object again. If you have a copy of the state file, put it back at \(state.path). Otherwise the journal cannot rebuild the state (line 1 holds change 5, but change 1 comes next: changes 1 to 4 are missing): move it aside (mv \(state.journal) \(state.journal).broken), then adopt the objects that already exist with castform import ADDR ID before you apply (the journal's lines name objects with their ids).")
    }

    /// Every file the message says to move aside has to go for the state to load again:
    /// an unreadable backup too.
    @Test func anUnreadableBackupIsToBeMovedAsideWithTheJournal() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 4, recorded: 2)
        try FileManager.default.removeItem(atPath: state.path)
        try state.write(state.backup, "not json")
        let error = await state.loadError()
        #expect(error?.message.contains("its backup \(state.backup) (which cannot be read either) and its journal \(state.journal) are there") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("move it and the unreadable backup aside (mv \(state.journal) \(state.journal).broken; mv \(state.backup) \(state.backup).broken), then adopt") == true,
                "\(error?.message ?? "")")
        try FileManager.default.moveItem(atPath: state.journal, toPath: state.journal + ".broken")
        try FileManager.default.moveItem(atPath: state.backup, toPath: state.backup + ".broken")
        #expect(try await state.backend.load() == nil)
    }

    @Test func anEmptyJournalAloneIsRefused() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 0, recorded: 0)
        try FileManager.default.removeItem(atPath: state.path)
        try state.write(state.journal, "")
        #expect(await state.loadError() == .stateMissing(StateRecovery(path: state.path, backup: nil, journal: .init(path: state.journal, fit: .broken(.empty)))))
    }

    @Test func aStateFileThatIsNotStateIsRefusedWithTheBackupToRestore() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 1, recorded: 0)
        try await state.build(persisted: 2, recorded: 0)
        try state.write(state.path, "")
        let error = await state.loadError()
        guard case .notAStateFile(let path, _, let backup)? = error else {
            Issue.record("loaded, or \(String(describing: error))")
            return
        }
        #expect(path == state.path && backup == state.backup)
        #expect(error?.message.contains("Restore the previous state with: cp \(state.backup) \(state.path)") == true)
    }

    @Test func aPathWithSpacesIsQuotedInTheCommands() {
        let error = StateError.stateNotAFile(path: "/tmp/my radio/.castform/state.json", backup: "/tmp/my radio/.castform/state.json.backup")
        #expect(error.message.contains("cp '/tmp/my radio/.castform/state.json.backup' '/tmp/my radio/.castform/state.json'"))
    }
}
