import CastformCore
import CastformState
import CastformTestSupport
import Foundation

/// A local state in a temporary directory, built through the backend as an apply builds it,
/// for tests to damage as a crash, a careless `rm` or a copied file would.
struct StateFixture {
    let directory: TemporaryDirectory
    let backend: LocalBackend

    init() throws {
        directory = try TemporaryDirectory()
        backend = LocalBackend(path: directory.path + "/.castform/state.json")
    }

    var path: String { backend.path }
    var journal: String { path + ".journal" }
    var backup: String { path + ".backup" }
    var lock: String { path + ".lock" }

    static func object(_ number: Int) -> StateChange {
        .put(ResourceState(address: ResourceAddress(type: "fake_object", name: "o\(number)"), provider: "fake", id: "id-\(number)"))
    }

    /// A state file holding `persisted` objects (serial = `persisted`) and a journal of
    /// `recorded` more changes, one line each: what an apply killed midway leaves.
    @discardableResult
    func build(persisted: Int, recorded: Int, lineage: String = UUID().uuidString.lowercased()) async throws -> StateSnapshot {
        var snapshot = StateSnapshot(lineage: lineage)
        for number in stride(from: 1, through: persisted, by: 1) { snapshot.apply(Self.object(number)) }
        try await backend.persist(snapshot)
        for number in stride(from: persisted + 1, through: persisted + recorded, by: 1) {
            snapshot.apply(Self.object(number))
            try await backend.record(Self.object(number), in: snapshot)
        }
        return snapshot
    }

    func journalLines() throws -> [String] {
        try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func writeJournal(_ lines: [String], terminated: Bool = true) throws {
        try write(journal, lines.joined(separator: "\n") + (terminated && !lines.isEmpty ? "\n" : ""))
    }

    func write(_ file: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    }

    /// The error `load` throws; nil when it loads.
    func loadError() async -> StateError? {
        do {
            _ = try await backend.load()
            return nil
        } catch {
            return error as? StateError
        }
    }

    func exists(_ file: String) -> Bool {
        FileManager.default.fileExists(atPath: file)
    }

    func remove() {
        directory.remove()
    }

    static func decode(_ file: String) throws -> StateSnapshot {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(StateSnapshot.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
    }
}
