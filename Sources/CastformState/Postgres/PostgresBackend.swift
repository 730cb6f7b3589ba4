import Foundation
import PostgresNIO

/// State in PostgreSQL, for teams and CI runners that share one state.
///
/// The same guarantees as `LocalBackend`, kept by the database instead of the file system:
/// `record` inserts one row per completed operation (O(1), durable when the statement
/// commits, before the next operation starts), `persist` folds them into the workspace's
/// snapshot at the end of a run, and `load` replays the rows left by an interrupted run.
/// Every write is a compare-and-set: it names the serial it follows and the lock it holds,
/// and is refused (`StateError.writeConflict`) when another castform has written since or
/// holds the lock now — so a castform that lost its lock cannot overwrite the state of the
/// one that took it.
///
/// `workspace` separates the states of several workspaces kept in one database. The tables
/// are made and migrated on first use (`PostgresSchema`); locks are in
/// PostgresBackend+Lock.swift.
public struct PostgresBackend: StateBackend {
    public let target: PostgresTarget
    public let workspace: String
    let connector: PostgresConnector

    /// `timeout` bounds every wait on the database (connecting, each statement), measured
    /// on `clock`.
    public init(url: String, workspace: String = "default", timeout: Duration = .seconds(30),
                clock: any Clock<Duration> = ContinuousClock()) throws(StateError) {
        target = try PostgresTarget(url: url)
        self.workspace = workspace
        connector = PostgresConnector(target: target, timeout: timeout, clock: clock)
    }

    var key: String { target.key(workspace: workspace) }

    public func load() async throws -> StateSnapshot? {
        let (connection, lockID) = try await session()
        let rows = try await guarded(lockID, connection) {
            try await connector.rows(PostgresStatements.load(workspace), on: connection)
        }
        guard let row = rows.first else { return nil }
        let (snapshotSerial, snapshotText, operationsText) = try row.decode((Int, String, String).self)
        var snapshot = try decodeSnapshot(snapshotText)
        snapshot.serial = snapshotSerial
        for operation in try decode([OperationRow].self, operationsText) {
            guard operation.serial == snapshot.serial + 1 else {
                throw StateError.backendFailed(
                    target: target.description,
                    reason: "the operations recorded for workspace \(workspace) do not continue its snapshot (serial \(snapshot.serial), then \(operation.serial))")
            }
            snapshot.apply(operation.change)
        }
        return snapshot
    }

    public func record(_ change: StateChange, in snapshot: StateSnapshot) async throws {
        let (connection, lockID) = try await session()
        let text = try encode(change)
        let rows = try await guarded(lockID, connection) {
            try await connector.rows(
                PostgresStatements.record(workspace, lineage: snapshot.lineage, serial: snapshot.serial, change: text, lock: lockID),
                on: connection)
        }
        guard rows.isEmpty else { return }
        // Nothing recorded: either there is no state yet (the first change writes the whole
        // snapshot, as the local backend's first change writes state.json), or the state
        // moved on.
        let inserted = try await guarded(lockID, connection) {
            try await connector.rows(PostgresStatements.save(workspace, snapshot, try encode(snapshot), lock: lockID, onlyNew: true),
                                     on: connection)
        }
        if inserted.isEmpty { throw try await conflict(expected: snapshot.serial - 1, on: connection) }
    }

    public func persist(_ snapshot: StateSnapshot) async throws {
        let (connection, lockID) = try await session()
        let text = try encode(snapshot)
        let rows = try await guarded(lockID, connection) {
            try await connector.rows(PostgresStatements.save(workspace, snapshot, text, lock: lockID, onlyNew: false), on: connection)
        }
        if rows.isEmpty { throw try await conflict(expected: snapshot.serial, on: connection) }
    }

    /// The session to use: the lock's, while this process holds the workspace's lock (a
    /// lock whose session ended is lost, and nothing more is written), else the plain one.
    func session() async throws -> (PostgresConnection, String?) {
        if let held = await PostgresSessions.shared.holder(key: key) {
            guard !held.connection.isClosed else { throw StateError.lockLost(id: held.id) }
            return (held.connection, held.id)
        }
        return (try await PostgresSessions.shared.plainSession(connector), nil)
    }

    /// Runs a statement on `connection`. When it fails on the lock's session, and that
    /// session no longer answers (the server ended it, the connection dropped), the lock is
    /// lost, and that is the error: the statement's own failure is only its symptom.
    func guarded<T>(_ lockID: String?, _ connection: PostgresConnection, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StateError {
            guard let lockID else { throw error }
            if connection.isClosed { throw StateError.lockLost(id: lockID) }
            do {
                try await connector.rows("SELECT 1", on: connection)
            } catch {
                throw StateError.lockLost(id: lockID)
            }
            throw error
        }
    }

    /// Why a compare-and-set found nothing to change: the state as the database holds it.
    private func conflict(expected: Int, on connection: PostgresConnection) async throws -> StateError {
        let rows = try await connector.rows(PostgresStatements.current(workspace), on: connection)
        let found = try rows.first?.decode((Int?, String?, String?).self)
        let holder = try found?.2.map { try decode(LockInfo.self, $0) }
        return .writeConflict(WriteConflict(workspace: workspace, expectedSerial: expected, foundSerial: found?.0,
                                            foundLineage: found?.1, holder: holder))
    }

    func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try StateCoding.lineEncoder.encode(value), as: UTF8.self)
    }

    /// The stored snapshot, read as a local state file is (`StateSnapshot(stateText:)`), or
    /// through Codable when it is not shaped as castform writes it.
    func decodeSnapshot(_ text: String) throws -> StateSnapshot {
        var text = text
        let direct = text.withUTF8 { StateSnapshot(stateText: $0) }
        return try direct ?? decode(StateSnapshot.self, text)
    }

    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        do {
            return try StateCoding.decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StateError.backendFailed(target: target.description,
                                           reason: "workspace \(workspace) holds something that is not castform state (\(error))")
        }
    }
}

/// One row of `castform_operations`, as `load` receives them (a JSON array).
struct OperationRow: Decodable {
    var serial: Int
    var change: StateChange
}
