import PostgresNIO

/// castform's tables, created on first use and migrated forward only.
///
/// `castform_schema` records each migration applied. All pending migrations run in one
/// transaction that first takes a transaction-level advisory lock, so two castforms meeting
/// a new database never both create the tables, and a migration that fails leaves the schema
/// as it was. A database migrated by a newer castform (a version above `migrations.count`)
/// is refused rather than written in a form this castform does not know.
///
/// The tables:
/// - `castform_workspaces`: one row per workspace — lineage, the serial of the last change,
///   and the snapshot as of `snapshot_serial` (written by `persist`, at the end of a run).
/// - `castform_operations`: one row per change recorded since that snapshot (serial order),
///   the counterpart of the local journal's lines: O(1) per operation.
/// - `castform_locks`: who holds each workspace's lock (the advisory lock is the lock; this
///   row only names its holder, with the server process id of the holder's session so a dead
///   holder's row can be told from a live one).
enum PostgresSchema {
    /// Each migration's statements, in order; the index + 1 is the version it brings.
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE castform_workspaces (
                workspace text PRIMARY KEY,
                lineage text NOT NULL,
                serial bigint NOT NULL,
                snapshot_serial bigint NOT NULL,
                snapshot json NOT NULL,
                updated timestamptz NOT NULL DEFAULT now())
            """,
            """
            CREATE TABLE castform_operations (
                workspace text NOT NULL,
                serial bigint NOT NULL,
                change json NOT NULL,
                recorded timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (workspace, serial))
            """,
            """
            CREATE TABLE castform_locks (
                workspace text PRIMARY KEY,
                lock_id text NOT NULL,
                info json NOT NULL,
                backend_pid integer NOT NULL)
            """,
        ],
    ]

    static var currentVersion: Int { migrations.count }

    /// The key of the advisory lock that serialises migrations (workspace locks use another
    /// first key, `PostgresLockKey.namespace`).
    static let migrationLock: (Int32, Int32) = (0x6373_746D, 0)

    /// Brings the schema to `currentVersion` on `connection`, in one transaction.
    static func migrate(_ connector: PostgresConnector, on connection: PostgresConnection) async throws {
        try await connector.rows("BEGIN", on: connection)
        do {
            try await connector.rows("SELECT pg_advisory_xact_lock(\(migrationLock.0), \(migrationLock.1))", on: connection)
            try await connector.rows(
                "CREATE TABLE IF NOT EXISTS castform_schema (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())",
                on: connection)
            let found = try await connector.rows("SELECT coalesce(max(version), 0) FROM castform_schema", on: connection)
            let version = try found.first?.decode(Int.self) ?? 0
            guard version <= currentVersion else {
                throw StateError.schemaTooNew(target: connector.target.description, found: version, supported: currentVersion)
            }
            for index in version..<currentVersion {
                for statement in migrations[index] {
                    try await connector.rows(PostgresQuery(unsafeSQL: statement), on: connection)
                }
                try await connector.rows("INSERT INTO castform_schema (version) VALUES (\(index + 1))", on: connection)
            }
            try await connector.rows("COMMIT", on: connection)
        } catch {
            try? await connector.rows("ROLLBACK", on: connection)
            throw error
        }
    }
}

/// The advisory lock of a workspace: a constant first key (castform's) and a hash of the
/// workspace name, so workspaces of one database lock apart.
enum PostgresLockKey {
    static let namespace: Int32 = 0x6373_7466

    /// FNV-1a of the name, kept non-negative so it compares equal to `pg_locks.objid`.
    static func key(_ workspace: String) -> Int32 {
        var hash: UInt32 = 2_166_136_261
        for byte in workspace.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return Int32(bitPattern: hash & 0x7fff_ffff)
    }
}
