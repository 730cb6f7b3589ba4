@testable import CastformState
import CastformCore
import CastformTestSupport
import Foundation
import Testing

/// A journal is replayed onto the state file only when it continues it: a line lost, a line
/// of another state or a broken line before the last is refused, never skipped.
@Suite struct JournalReplayTests {
    @Test func aTornLastLineIsIgnored() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        let built = try await state.build(persisted: 0, recorded: 1)
        // A crash in the middle of the next line:
        try state.writeJournal(try state.journalLines() + ["{\"lineage\":\"\(built.lineage)\",\"serial\":2,\"chan"], terminated: false)
        let loaded = try #require(try await state.backend.load())
        #expect(loaded.resources.count == 1)
        #expect(loaded.serial == 1)
    }

    /// Appended to, a torn line would run on into the next one and make a broken line in the
    /// middle of the journal: it is cut first.
    @Test func aTornLastLineIsCutBeforeTheNextChangeIsAppended() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        var snapshot = try await state.build(persisted: 0, recorded: 1)
        try state.writeJournal(try state.journalLines() + ["{\"lineage\":\"\(snapshot.lineage)\",\"ser"], terminated: false)
        snapshot.apply(StateFixture.object(2))
        try await state.backend.record(StateFixture.object(2), in: snapshot)
        #expect(try state.journalLines().count == 2)
        let loaded = try #require(try await state.backend.load())
        #expect(loaded.serial == 2 && loaded.resources.count == 2)
    }

    /// A run stopped between writing the state file and removing the journal leaves changes
    /// that the state file holds already.
    @Test func changesAlreadyInTheStateFileAreSkipped() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        var snapshot = try await state.build(persisted: 0, recorded: 3)
        let folded = try state.journalLines()
        try await state.backend.persist(snapshot)
        snapshot.apply(StateFixture.object(4))
        try await state.backend.record(StateFixture.object(4), in: snapshot)
        try state.writeJournal(folded + (try state.journalLines()))
        let loaded = try #require(try await state.backend.load())
        #expect(loaded.serial == 4 && loaded.resources.map(\.address.name) == ["o1", "o2", "o3", "o4"])
    }

    @Test func aJournalWithALineMissingIsRefused() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 2, recorded: 4)
        var lines = try state.journalLines()
        lines.remove(at: 1)
        try state.writeJournal(lines)
        let error = await state.loadError()
        #expect(error == .journalBroken(journal: state.journal, problem: .gap(line: 2, expected: 4, found: 5), state: state.path, serial: 2))
        #expect(error?.message == "the journal \(state.journal) does not continue the state \(state.path) (serial 2): line 2 holds change 5, but change 4 comes next: change 4 is missing. castform will not plan from a state it knows to be incomplete: objects recorded only in the lost changes would be made again. The state file is whole up to serial 2; to carry on from it, move the journal aside (mv \(state.journal) \(state.journal).broken), then adopt the objects the changes after serial 2 made (its lines name them with their ids) with castform import ADDR ID before you apply.")
    }

    @Test func aJournalMissingItsFirstLinesIsRefused() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 1, recorded: 4)
        try state.writeJournal(Array(try state.journalLines().dropFirst(2)))
        #expect(await state.loadError() == .journalBroken(journal: state.journal, problem: .gap(line: 1, expected: 2, found: 4), state: state.path, serial: 1))
    }

    @Test func aJournalLineOfAnotherStateIsRefused() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        let snapshot = try await state.build(persisted: 1, recorded: 2)
        var lines = try state.journalLines()
        lines[1] = lines[1].replacingOccurrences(of: snapshot.lineage, with: "other-lineage")
        try state.writeJournal(lines)
        let error = await state.loadError()
        #expect(error == .journalBroken(journal: state.journal, problem: .foreignLineage(line: 2, lineage: "other-lineage", expected: snapshot.lineage),
                                        state: state.path, serial: 1))
        #expect(error?.message.contains("line 2 belongs to another state (lineage other-lineage; this one's is \(snapshot.lineage))") == true)
    }

    /// Only the last line can be a torn write; a complete line that is not an entry is damage.
    @Test func aBrokenLineBeforeTheLastIsRefused() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 0, recorded: 3)
        var lines = try state.journalLines()
        lines[1] = String(lines[1].prefix(20))
        try state.writeJournal(lines)
        #expect(await state.loadError() == .journalBroken(journal: state.journal, problem: .undecodable(line: 2), state: state.path, serial: 0))
    }

    @Test func anEmptyJournalBesideTheStateFileIsHarmless() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 2, recorded: 0)
        try state.write(state.journal, "")
        let loaded = try #require(try await state.backend.load())
        #expect(loaded.serial == 2)
    }

    @Test func aJournalThatIsADirectoryIsRefused() async throws {
        let state = try StateFixture()
        defer { state.remove() }
        try await state.build(persisted: 2, recorded: 0)
        try FileManager.default.createDirectory(atPath: state.journal, withIntermediateDirectories: false)
        let error = await state.loadError()
        #expect(error == .journalBroken(journal: state.journal, problem: .notAFile, state: state.path, serial: 2))
        #expect(error?.message.contains("it is not a file (a directory?)") == true)
    }

    /// Lines are whole however reads cut the file, and one over the limit stops the reading.
    @Test func linesAreReadWholeAcrossChunksAndWithinALimit() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("journal", "first line\nsecond, longer line\n\nlast")
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var lines: [String] = []
        try JournalReader(descriptor: descriptor, chunkSize: 4).forEachLine {
            lines.append("\($0.number):\(String(decoding: $0.bytes, as: UTF8.self)):\($0.terminated)")
        }
        #expect(lines == ["1:first line:true", "2:second, longer line:true", "3::true", "4:last:false"])
        lseek(descriptor, 0, SEEK_SET)
        #expect(throws: JournalProblem.lineTooLong(line: 2, limit: 12)) {
            try JournalReader(descriptor: descriptor, limit: 12, chunkSize: 4).forEachLine { _ in }
        }
    }
}
