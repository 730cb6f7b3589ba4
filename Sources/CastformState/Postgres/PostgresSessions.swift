import PostgresNIO

/// The database sessions this process keeps open, by database and workspace.
///
/// A session-level advisory lock lasts as long as the session that took it, so the
/// connection taken by `lock` must outlive the call, until `unlock` closes it; and while
/// this process holds a workspace's lock, its writes go through that same session, so a
/// session that ended (and with it the lock) can write nothing more. `PostgresBackend` is
/// a value that commands and tests make afresh, so the sessions live here, shared by the
/// process; an actor, so the compiler checks every access. Writes made without the lock
/// share one plain session per database, migrated once.
actor PostgresSessions {
    static let shared = PostgresSessions()

    struct Held {
        let id: String
        let connection: PostgresConnection
    }

    /// Lock sessions, by `PostgresTarget.key(workspace:)`.
    private var held: [String: Held] = [:]
    /// Plain sessions, by target key with an empty workspace.
    private var plain: [String: PostgresConnection] = [:]
    /// Targets whose schema this process has brought up to date.
    private var migrated: Set<String> = []

    func hold(_ connection: PostgresConnection, id: String, key: String) {
        held[key] = Held(id: id, connection: connection)
    }

    /// The lock session this process holds for the workspace, if any.
    func holder(key: String) -> Held? {
        held[key]
    }

    /// Forgets the lock session `id` and hands it back to be closed.
    func take(key: String, id: String) -> PostgresConnection? {
        guard let session = held[key], session.id == id else { return nil }
        held[key] = nil
        return session.connection
    }

    /// The session for writes made without the lock: opened (and the schema migrated) on
    /// first use, opened again when the server ended it.
    func plainSession(_ connector: PostgresConnector) async throws -> PostgresConnection {
        let key = connector.target.key(workspace: "")
        if let connection = plain[key], !connection.isClosed { return connection }
        let connection = try await connector.connect()
        do {
            try await migrateOnce(connector, on: connection)
        } catch {
            await connector.close(connection)
            throw error
        }
        if let raced = plain[key], !raced.isClosed {
            await connector.close(connection)
            return raced
        }
        plain[key] = connection
        return connection
    }

    /// Runs the migrations on the first connection of this process to the target.
    func migrateOnce(_ connector: PostgresConnector, on connection: PostgresConnection) async throws {
        let key = connector.target.key(workspace: "")
        guard !migrated.contains(key) else { return }
        try await PostgresSchema.migrate(connector, on: connection)
        migrated.insert(key)
    }
}
