import PostgresNIO

/// The workspace lock: a session-level advisory lock, plus a `castform_locks` row naming the
/// holder (user, host, pid, operation, since) for the message a second castform prints.
///
/// The advisory lock is the lock: the server releases it when the holder's session ends,
/// however it ends (the process killed with SIGKILL, the connection lost), so a dead holder
/// never blocks the next run and nobody has to judge whether a holder is dead. The row may
/// outlive its holder; it is only believed while its session holds the advisory lock.
extension PostgresBackend {
    /// How long a second castform waits for a holder that has the lock but has not written
    /// its row yet, before saying so.
    static let detailsWait = Duration.seconds(2)
    static let detailsPoll = Duration.milliseconds(50)

    public func lock(_ info: LockInfo) async throws {
        let connection = try await connector.connect()
        do {
            try await PostgresSessions.shared.migrateOnce(connector, on: connection)
            try await acquire(info, on: connection)
        } catch {
            await connector.close(connection)
            throw error
        }
        await PostgresSessions.shared.hold(connection, id: info.id, key: key)
    }

    private func acquire(_ info: LockInfo, on connection: PostgresConnection) async throws {
        let details = try encode(info)
        var waited = Duration.zero
        while true {
            let taken = try await connector.rows(
                "SELECT pg_try_advisory_lock(\(PostgresLockKey.namespace), \(PostgresLockKey.key(workspace)))", on: connection)
            if try taken.first?.decode(Bool.self) == true {
                try await connector.rows(
                    """
                    INSERT INTO castform_locks (workspace, lock_id, info, backend_pid) VALUES (\(workspace), \(info.id), \
                    \(details)::json, pg_backend_pid()) ON CONFLICT (workspace) DO UPDATE SET lock_id = excluded.lock_id, \
                    info = excluded.info, backend_pid = excluded.backend_pid
                    """, on: connection)
                return
            }
            if let holder = try await liveHolder(on: connection) { throw StateError.locked(holder) }
            guard waited < Self.detailsWait else { throw StateError.lockBeingWritten(workspace: workspace) }
            try await connector.clock.sleep(for: Self.detailsPoll)
            waited += Self.detailsPoll
        }
    }

    /// Releases a lock this process took: its row goes, and closing its session ends the
    /// advisory lock.
    public func unlock(id: String) async throws {
        guard let connection = await PostgresSessions.shared.take(key: key, id: id) else { throw StateError.lockNotFound(id: id) }
        // A session the server ended took the lock with it; its row is believed by nobody.
        guard !connection.isClosed else { return }
        _ = try? await connector.rows("DELETE FROM castform_locks WHERE workspace = \(workspace) AND lock_id = \(id)", on: connection)
        await connector.close(connection)
    }

    /// Removes a lock whose holder cannot release it. Unlike a local lock, a session can
    /// outlive its castform (a runner that hangs, a half-open connection), so a live holder's
    /// session is ended on the server (`pg_terminate_backend`): its writes fail from then on
    /// (`StateError.lockLost`), and what it did before is in the state.
    public func forceUnlock(id: String) async throws {
        if let held = await PostgresSessions.shared.holder(key: key), held.id == id, !held.connection.isClosed {
            return try await unlock(id: id)
        }
        let connection = try await PostgresSessions.shared.plainSession(connector)
        let rows = try await connector.rows(PostgresStatements.holder(workspace), on: connection)
        // A row whose session has ended holds nothing: only a live session's lock is found.
        guard let holder = try? rows.first?.decode((String, String, Int32, Bool).self), holder.0 == id, holder.3 else {
            throw StateError.lockNotFound(id: id)
        }
        try await connector.rows("SELECT pg_terminate_backend(\(holder.2))", on: connection)
        try await waitForRelease(on: connection)
        try await connector.rows("DELETE FROM castform_locks WHERE workspace = \(workspace) AND lock_id = \(id)", on: connection)
    }

    /// Waits (on the clock) until no live session holds the workspace's lock.
    private func waitForRelease(on connection: PostgresConnection) async throws {
        var waited = Duration.zero
        while try await liveHolder(on: connection) != nil, waited < connector.timeout {
            try await connector.clock.sleep(for: Self.detailsPoll)
            waited += Self.detailsPoll
        }
    }

    /// Who holds the workspace's lock, if its session is alive.
    func liveHolder(on connection: PostgresConnection) async throws -> LockInfo? {
        let rows = try await connector.rows(PostgresStatements.holder(workspace), on: connection)
        guard let row = rows.first else { return nil }
        let (_, info, _, live) = try row.decode((String, String, Int32, Bool).self)
        return live ? try decode(LockInfo.self, info) : nil
    }
}
