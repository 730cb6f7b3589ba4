import CastformCore
import CastformState
import CastformTestSupport
import Foundation
import Testing

/// The PostgreSQL backend against a real server (scripts/test.sh starts one and sets
/// CASTFORM_TEST_PG_URL; without it these tests are skipped, saying why). Each test works in
/// a workspace of its own.
@Suite(.enabled(if: PostgresTestDatabase.url != nil, Comment(rawValue: PostgresTestDatabase.skipReason)))
struct PostgresBackendTests {
    static func backend(_ workspace: String) throws -> PostgresBackend {
        try PostgresBackend(url: PostgresTestDatabase.url ?? "", workspace: workspace)
    }

    /// The test server's URL, taken apart.
    static func components() throws -> URLComponents {
        let url = try #require(PostgresTestDatabase.url)
        return try #require(URLComponents(string: url))
    }

    static func object(_ number: Int) -> StateChange {
        .put(ResourceState(address: ResourceAddress(type: "fake_object", name: "o\(number)"), provider: "fake", id: "id-\(number)",
                           attributes: ["token": .sensitive(.string(Value.hashPrefix + "ab"))]))
    }

    @Test(arguments: StateBackendConformance.checks.map(\.name))
    func passesTheConformanceSuite(_ name: String) async throws {
        let workspace = PostgresTestDatabase.workspace("conformance")
        let check = try #require(StateBackendConformance.checks.first { $0.name == name })
        let failure = try await check.run { try Self.backend(workspace) }
        #expect(failure == nil, "\(name): \(failure ?? "")")
    }

    /// One row per operation: recording a change costs the same however big the state is,
    /// and persist folds the rows into the snapshot.
    @Test func eachOperationIsOneRowAndPersistFoldsThem() async throws {
        let workspace = PostgresTestDatabase.workspace("rows")
        let backend = try Self.backend(workspace)
        var snapshot = StateSnapshot()
        for number in 1...5 {
            snapshot.apply(Self.object(number))
            try await backend.record(Self.object(number), in: snapshot)
        }
        let rows = try PostgresTestDatabase.psql("SELECT count(*) FROM castform_operations WHERE workspace = '\(workspace)'")
        // The first change writes the whole snapshot (there was no state); each later one a row.
        #expect(rows == "4")
        #expect(try await Self.backend(workspace).load()?.resources.count == 5)
        try await backend.persist(snapshot)
        #expect(try PostgresTestDatabase.psql("SELECT count(*) FROM castform_operations WHERE workspace = '\(workspace)'") == "0")
        let loaded = try #require(try await backend.load())
        #expect(loaded.serial == 5 && loaded.lineage == snapshot.lineage && loaded.resources == snapshot.resources)
    }

    @Test func workspacesOfOneDatabaseAreSeparate() async throws {
        let first = try Self.backend(PostgresTestDatabase.workspace("one"))
        let second = try Self.backend(PostgresTestDatabase.workspace("two"))
        var snapshot = StateSnapshot()
        snapshot.apply(Self.object(1))
        try await first.persist(snapshot)
        #expect(try await second.load() == nil)
        let lock = LockInfo(operation: "apply")
        try await first.lock(lock)
        let other = LockInfo(operation: "apply")
        try await second.lock(other)
        try await second.unlock(id: other.id)
        try await first.unlock(id: lock.id)
    }

    /// The compare-and-set: a writer whose view of the state is behind (another castform
    /// wrote since) is refused, and nothing it sent is kept.
    @Test func aWriteThatDoesNotFollowTheStoredSerialIsRefused() async throws {
        let workspace = PostgresTestDatabase.workspace("cas")
        let backend = try Self.backend(workspace)
        var mine = StateSnapshot()
        mine.apply(Self.object(1))
        try await backend.persist(mine)
        var theirs = mine
        theirs.apply(Self.object(2))
        theirs.apply(Self.object(3))
        try await Self.backend(workspace).persist(theirs)
        mine.apply(Self.object(9))
        await #expect(throws: StateError.writeConflict(WriteConflict(workspace: workspace, expectedSerial: 1, foundSerial: 3,
                                                                     foundLineage: mine.lineage, holder: nil))) {
            try await backend.record(Self.object(9), in: mine)
        }
        var older = StateSnapshot(lineage: mine.lineage)
        older.apply(Self.object(1))
        await #expect(throws: StateError.self) { try await backend.persist(older) }
        #expect(try await backend.load()?.resources.map(\.address.name) == ["o1", "o2", "o3"])
    }

    /// A writer without the lock cannot write while another castform holds it. The other
    /// castform is this process reaching the server as `localhost`: a target of its own, so
    /// its lock session is not this writer's.
    @Test func aWriterWithoutTheLockIsRefusedWhileAnotherHoldsIt() async throws {
        let workspace = PostgresTestDatabase.workspace("holder")
        var parts = try Self.components()
        parts.host = "localhost"
        let elsewhere = try PostgresBackend(url: try #require(parts.string), workspace: workspace)
        var snapshot = StateSnapshot()
        try await Self.backend(workspace).persist(snapshot)
        let holder = LockInfo(operation: "apply")
        try await elsewhere.lock(holder)
        snapshot.apply(Self.object(1))
        let refusal = await #expect(throws: StateError.self) { try await Self.backend(workspace).record(Self.object(1), in: snapshot) }
        guard case .writeConflict(let conflict)? = refusal else { Issue.record("not a write conflict: \(String(describing: refusal))"); return }
        #expect(conflict.workspace == workspace && conflict.expectedSerial == 0 && conflict.foundSerial == 0)
        #expect(conflict.foundLineage == snapshot.lineage && conflict.holder?.id == holder.id)
        try await elsewhere.record(Self.object(1), in: snapshot)
        try await elsewhere.unlock(id: holder.id)
        #expect(try await Self.backend(workspace).load()?.serial == 1)
    }

    /// The holder's session ending (a lost connection) releases the lock at once, and the
    /// castform that held it writes nothing more: its next write says it lost the lock.
    @Test func aLostSessionReleasesTheLockAndItsHolderWritesNoMore() async throws {
        let workspace = PostgresTestDatabase.workspace("lost")
        let backend = try Self.backend(workspace)
        var snapshot = StateSnapshot()
        let lock = LockInfo(operation: "apply")
        try await backend.lock(lock)
        snapshot.apply(Self.object(1))
        try await backend.record(Self.object(1), in: snapshot)
        #expect(try PostgresTestDatabase.dropLockSession(workspace: workspace) == 1)
        try await Task.sleep(for: .milliseconds(200))
        snapshot.apply(Self.object(2))
        await #expect(throws: StateError.lockLost(id: lock.id)) { try await backend.record(Self.object(2), in: snapshot) }
        await #expect(throws: StateError.lockNotFound(id: lock.id)) { try await Self.backend(workspace).forceUnlock(id: lock.id) }
        // The next castform takes the lock at once and converges from what was recorded.
        let next = LockInfo(operation: "apply")
        try await backend.unlock(id: lock.id)
        try await backend.lock(next)
        var resumed = try #require(try await backend.load())
        #expect(resumed.serial == 1)
        resumed.apply(Self.object(2))
        try await backend.record(Self.object(2), in: resumed)
        try await backend.persist(resumed)
        try await backend.unlock(id: next.id)
        #expect(try await backend.load()?.resources.count == 2)
    }

    /// force-unlock of a live holder in another session ends that session.
    @Test func forceUnlockEndsALiveHoldersSession() async throws {
        let workspace = PostgresTestDatabase.workspace("force")
        let lock = LockInfo(operation: "apply")
        try PostgresTestDatabase.psql("SELECT 1")
        try await Self.backend(workspace).lock(lock)
        let refusal = await #expect(throws: StateError.self) { try await Self.backend(workspace).lock(LockInfo(operation: "plan")) }
        guard case .locked(let holder)? = refusal else { Issue.record("not locked: \(String(describing: refusal))"); return }
        #expect(holder.id == lock.id && holder.pid == lock.pid && holder.operation == "apply")
        try await Self.backend(workspace).forceUnlock(id: lock.id)
        let next = LockInfo(operation: "apply")
        try await Self.backend(workspace).lock(next)
        try await Self.backend(workspace).unlock(id: next.id)
    }

    /// The URL holds the password: no error names it, only host, port and database.
    @Test func connectionErrorsNameHostAndDatabaseNeverThePassword() async throws {
        let url = try #require(PostgresTestDatabase.url)
        let parts = try #require(URLComponents(string: url))
        var wrong = parts
        wrong.password = "not-the-password-\(UUID().uuidString.prefix(6))"
        let secret = try #require(wrong.password)
        do {
            _ = try await PostgresBackend(url: try #require(wrong.string), workspace: "w").load()
            Issue.record("a wrong password connected")
        } catch let error as StateError {
            #expect(!error.message.contains(secret) && !"\(error)".contains(secret))
            #expect(error.message.contains("127.0.0.1:\(parts.port ?? 5432)/\(parts.path.dropFirst())"), "\(error.message)")
        }
        var closed = parts
        closed.port = 1
        do {
            _ = try await PostgresBackend(url: try #require(closed.string), workspace: "w").load()
            Issue.record("port 1 answered")
        } catch let error as StateError {
            guard case .backendUnreachable(let target, _) = error else { throw error }
            #expect(target == "127.0.0.1:1/\(parts.path.dropFirst())")
            #expect(!error.message.contains(parts.password ?? "-"))
        }
    }

    /// The tables exist once, at the current schema version; a database a newer castform
    /// migrated is refused rather than written in a form this one does not know.
    @Test func theSchemaIsVersionedAndANewerOneIsRefused() async throws {
        _ = try await Self.backend(PostgresTestDatabase.workspace("schema")).load()
        #expect(try PostgresTestDatabase.psql("SELECT max(version) FROM castform_schema") == "1")
        #expect(try PostgresTestDatabase.psql("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'castform_%'") == "4")
        let database = "castform_newer_\(UUID().uuidString.prefix(8).lowercased())"
        try PostgresTestDatabase.psql("CREATE DATABASE \(database)")
        var parts = try Self.components()
        parts.path = "/" + database
        let url = try #require(parts.string)
        _ = try await PostgresBackend(url: url, workspace: "w").load()
        try PostgresTestDatabase.psql(database: database, "INSERT INTO castform_schema (version) VALUES (2)")
        // A castform process migrates a database once; a new target (another user) is checked afresh.
        parts.host = "localhost"
        await #expect(throws: StateError.schemaTooNew(target: "localhost:\(parts.port ?? 5432)/\(database)", found: 2, supported: 1)) {
            _ = try await PostgresBackend(url: try #require(parts.string), workspace: "w").load()
        }
    }
}
