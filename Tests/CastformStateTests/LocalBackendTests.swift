import CastformCore
import CastformState
import CastformTestSupport
import Foundation
import Testing

@Suite struct LocalBackendTests {
    @Test(arguments: StateBackendConformance.checks.map(\.name))
    func passesTheConformanceSuite(_ name: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/.castform/state.json"
        let check = try #require(StateBackendConformance.checks.first { $0.name == name })
        let failure = try await check.run { LocalBackend(path: path) }
        #expect(failure == nil, "\(name): \(failure ?? "")")
    }

    @Test func filesAreCreatedWithModeOwnerOnlyAndABackupIsKept() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let backend = LocalBackend(path: directory.path + "/.castform/state.json")
        var snapshot = StateSnapshot()
        try await backend.persist(snapshot)
        snapshot.apply(.put(ResourceState(address: ResourceAddress(type: "fake_object", name: "a"), provider: "fake", id: "1")))
        try await backend.record(.put(snapshot.resources[0]), in: snapshot)
        try await backend.persist(snapshot)
        for file in ["state.json", "state.json.backup"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.path + "/.castform/" + file)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "\(file)")
        }
        let backup = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/.castform/state.json.backup"))
        #expect(String(decoding: backup, as: UTF8.self).contains("\"serial\" : 0"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/.castform/state.json.journal"))
    }

    @Test func theLockedMessageSaysWhoAndWhatToDo() {
        let info = LockInfo(id: "abc", user: "ana", host: "studio", pid: 42, operation: "apply",
                            created: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(StateError.locked(info).message == "the state is locked: castform apply by ana@studio (pid 42) since 2026-11-18 11:06:40 UTC, lock id abc. Wait for it to finish: the lock is released when that castform exits, however it exits (if it hangs, stop it: kill 42 on studio).")
    }

    /// The first change of a state that has no file yet writes one, so that a journal never
    /// stands without a state file before it (a missing state file then always means a lost one).
    @Test func theFirstChangeOfANewStateWritesTheStateFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let backend = LocalBackend(path: directory.path + "/state.json")
        var snapshot = StateSnapshot()
        for name in ["a", "b"] {
            let change = StateChange.put(ResourceState(address: ResourceAddress(type: "fake_object", name: name), provider: "fake", id: name))
            snapshot.apply(change)
            try await backend.record(change, in: snapshot)
        }
        let written = try StateFixture.decode(directory.path + "/state.json")
        #expect(written.serial == 1 && written.resources.map(\.address.name) == ["a"])
        let journal = try String(contentsOfFile: directory.path + "/state.json.journal", encoding: .utf8)
        #expect(journal.split(separator: "\n").count == 1 && journal.contains("\"serial\":2"))
        let loaded = try #require(try await backend.load())
        #expect(loaded.serial == 2 && loaded.resources.count == 2)
    }
}
