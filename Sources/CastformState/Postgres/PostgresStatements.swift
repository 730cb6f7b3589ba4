import PostgresNIO

/// The statements of the PostgreSQL backend. Each is one statement, so it is atomic on its
/// own, needs no transaction on a shared session, and costs one round trip.
///
/// `lock` is the id of the lock this process holds for the workspace (nil: none). A write
/// passes only when no *live* holder other than `lock` holds the lock: a holder is live
/// while its session holds the advisory lock (`pg_locks`), so a dead holder's leftover row
/// blocks nothing.
enum PostgresStatements {
    /// Whether the `castform_locks` row `l` names a session that holds the workspace's lock.
    static func live(_ workspace: String) -> String {
        """
        EXISTS (SELECT 1 FROM pg_locks p WHERE p.locktype = 'advisory' AND p.granted AND p.pid = l.backend_pid \
        AND p.classid = \(PostgresLockKey.namespace)::oid AND p.objid = \(PostgresLockKey.key(workspace))::oid AND p.objsubid = 2)
        """
    }

    static func noOtherHolder(_ workspace: String) -> String {
        "NOT EXISTS (SELECT 1 FROM castform_locks l WHERE l.workspace = $1 AND l.lock_id IS DISTINCT FROM $2 AND \(live(workspace)))"
    }

    /// The snapshot and the operations recorded after it, in one consistent read.
    static func load(_ workspace: String) -> PostgresQuery {
        """
        SELECT w.snapshot_serial, w.snapshot::text, (SELECT coalesce(json_agg(json_build_object('serial', o.serial, \
        'change', o.change) ORDER BY o.serial), '[]'::json)::text FROM castform_operations o \
        WHERE o.workspace = w.workspace AND o.serial > w.snapshot_serial) FROM castform_workspaces w WHERE w.workspace = \(workspace)
        """
    }

    /// One operation: the workspace's serial moves from `serial - 1` to `serial` and the
    /// change is kept, or nothing happens (no row returned).
    static func record(_ workspace: String, lineage: String, serial: Int, change: String, lock: String?) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(workspace)
        binds.append(lock)
        binds.append(lineage)
        binds.append(serial)
        binds.append(change)
        return PostgresQuery(unsafeSQL: """
            WITH bumped AS (UPDATE castform_workspaces SET serial = $4, updated = now() \
            WHERE workspace = $1 AND lineage = $3 AND serial = $4 - 1 AND \(noOtherHolder(workspace)) RETURNING serial) \
            INSERT INTO castform_operations (workspace, serial, change) SELECT $1, serial, $5::json FROM bumped RETURNING serial
            """, binds: binds)
    }

    /// The whole snapshot, replacing the operations: `onlyNew` writes it only where the
    /// workspace has no state yet; otherwise only over a state whose serial is not newer.
    static func save(_ workspace: String, _ snapshot: StateSnapshot, _ text: String, lock: String?, onlyNew: Bool) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(workspace)
        binds.append(lock)
        binds.append(snapshot.lineage)
        binds.append(snapshot.serial)
        binds.append(text)
        let onConflict = onlyNew ? "DO NOTHING" : """
            DO UPDATE SET lineage = excluded.lineage, serial = excluded.serial, snapshot_serial = excluded.serial, \
            snapshot = excluded.snapshot, updated = now() WHERE w.serial <= excluded.serial
            """
        return PostgresQuery(unsafeSQL: """
            WITH saved AS (INSERT INTO castform_workspaces AS w (workspace, lineage, serial, snapshot_serial, snapshot) \
            SELECT $1, $3, $4, $4, $5::json WHERE \(noOtherHolder(workspace)) ON CONFLICT (workspace) \(onConflict) RETURNING serial), \
            dropped AS (DELETE FROM castform_operations o WHERE o.workspace = $1 AND EXISTS (SELECT 1 FROM saved)) \
            SELECT serial FROM saved
            """, binds: binds)
    }

    /// The workspace's serial and lineage (null when it has no state) and its live holder.
    static func current(_ workspace: String) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(workspace)
        return PostgresQuery(unsafeSQL: """
            SELECT w.serial, w.lineage, (SELECT l.info::text FROM castform_locks l WHERE l.workspace = $1 AND \(live(workspace))) \
            FROM (SELECT $1::text AS workspace) k LEFT JOIN castform_workspaces w ON w.workspace = k.workspace
            """, binds: binds)
    }

    /// The holder row of the workspace, with whether its session is alive.
    static func holder(_ workspace: String) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(workspace)
        return PostgresQuery(unsafeSQL: """
            SELECT l.lock_id, l.info::text, l.backend_pid, \(live(workspace)) FROM castform_locks l WHERE l.workspace = $1
            """, binds: binds)
    }
}
