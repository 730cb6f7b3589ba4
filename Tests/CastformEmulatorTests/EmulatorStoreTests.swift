@testable import CastformEmulator
import Foundation
import Testing

/// The emulators' store: a journal of changed rows, replayed at start, compacted when it
/// grows; damaged files are errors naming the file and line; the one-document files of
/// earlier versions still load.
@Suite struct EmulatorStoreTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")

    func journal(_ name: String) -> URL { directory.appendingPathComponent("\(name).journal") }

    func lines(_ name: String) throws -> [String] {
        try String(contentsOf: journal(name), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func aChangeIsOneLineAndARestartReplaysIt() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let emulator = try MixcloudEmulator(dataDirectory: directory)
        let before = try lines("mixcloud").count
        try await emulator.seed(count: 3)
        #expect(try lines("mixcloud").count == before + 3, "one line per new show, whatever the store holds")
        try await emulator.change("/deepsessions/seeded-show-2/") { $0.name = "Renamed" }
        #expect(try lines("mixcloud").count == before + 4)
        let restarted = try MixcloudEmulator(dataDirectory: directory)
        #expect(await restarted.cloudcasts.map(\.name) == ["Seeded Show 1", "Renamed", "Seeded Show 3"])
        #expect(try lines("mixcloud").count == before + 4, "few repeated lines: no compaction yet")
        // A new show after the restart takes the next sequence: creation order holds.
        try await restarted.seed(count: 1)
        #expect(await restarted.cloudcasts.last?.slug == "seeded-show-1-2")
    }

    @Test func aDamagedLineIsAnErrorNamingFileAndLine() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try LivepeerEmulator(dataDirectory: directory)
        var text = try String(contentsOf: journal("livepeer"), encoding: .utf8)
        text += "{\"stream\": {\"id\": \"x\", \"row\": 42}}\n"
        try text.write(to: journal("livepeer"), atomically: true, encoding: .utf8)
        let expected = try lines("livepeer").count
        #expect {
            _ = try LivepeerEmulator(dataDirectory: directory)
        } throws: { error in
            guard case .corruptLine(let file, let line, _)? = error as? EmulatorStoreError else { return false }
            return file == journal("livepeer").path && line == expected
        }
    }

    @Test func aTornLastLineIsDropped() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let emulator = try LivepeerEmulator(dataDirectory: directory)
        try await emulator.addAPIKey("second-key")
        let handle = try FileHandle(forWritingTo: journal("livepeer"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"account":{"key":"third"#.utf8))
        try handle.close()
        let restarted = try LivepeerEmulator(dataDirectory: directory)
        #expect(await restarted.account(forAPIKey: "second-key") != nil)
        #expect(await restarted.account(forAPIKey: "third") == nil)
        #expect(try String(contentsOf: journal("livepeer"), encoding: .utf8).hasSuffix("\n"), "rewritten without it")
    }

    @Test func theJournalIsCompactedWhenItGrows() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let emulator = try MixcloudEmulator(dataDirectory: directory)
        try await emulator.seed(count: 1)
        for round in 0..<1100 {
            try await emulator.change("/deepsessions/seeded-show-1/") { $0.name = "Round \(round)" }
        }
        #expect(try lines("mixcloud").count < 1100, "compacted to a line per row (plus what came after)")
        let restarted = try MixcloudEmulator(dataDirectory: directory)
        #expect(await restarted.cloudcasts.map(\.name) == ["Round 1099"])
    }

    /// The one JSON document an earlier castform wrote: loaded, journaled, and removed.
    @Test func anEarlierDataFileIsMigrated() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = MixcloudEmulator()
        let shows = try await source.seed(count: 2)
        struct Legacy: Encodable {
            var accounts: [MixcloudAccount]
            var cloudcasts: [MixcloudCloudcast]
            var authorizationCodes: [MixcloudAuthorizationCode] = []
            var nextSequence = 3
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let legacy = directory.appendingPathComponent("mixcloud.json")
        try JSONEncoder().encode(Legacy(accounts: await source.accounts, cloudcasts: shows)).write(to: legacy)
        let migrated = try MixcloudEmulator(dataDirectory: directory)
        #expect(await migrated.cloudcasts == shows)
        #expect(!FileManager.default.fileExists(atPath: legacy.path))
        #expect(try await MixcloudEmulator(dataDirectory: directory).cloudcasts == shows)
    }

    @Test func aDamagedEarlierDataFileIsAnErrorNamingIt() throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let legacy = directory.appendingPathComponent("livepeer.json")
        try Data("{\"accounts\": [".utf8).write(to: legacy)
        #expect {
            _ = try LivepeerEmulator(dataDirectory: directory)
        } throws: { error in
            guard case .corruptDocument(let file, _)? = error as? EmulatorStoreError else { return false }
            return file == legacy.path
        }
    }
}
