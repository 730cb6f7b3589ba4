import Foundation

/// The PostgreSQL server the postgres backend's tests use: `CASTFORM_TEST_PG_URL`, which
/// scripts/test.sh sets to a throwaway server it starts (scripts/postgres-server.sh). Without
/// it, those tests are skipped with `skipReason` — the README says how to start one for a
/// plain `swift test`.
///
/// Each test takes a workspace name of its own (`workspace(_:)`), so tests share the
/// database without seeing each other's state or locks.
public enum PostgresTestDatabase {
    public static var url: String? {
        guard let url = ProcessInfo.processInfo.environment["CASTFORM_TEST_PG_URL"], !url.isEmpty else { return nil }
        return url
    }

    public static let skipReason = """
        CASTFORM_TEST_PG_URL is not set: the postgres backend's tests need a PostgreSQL server \
        (scripts/test.sh starts one; for swift test: export CASTFORM_TEST_PG_URL=$(scripts/postgres-server.sh start DIR))
        """

    public static func workspace(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Runs SQL with psql, for what castform itself never does to a database (ending the
    /// sessions of a workspace's lock holder, as a lost connection would); its output.
    @discardableResult
    public static func psql(database: String? = nil, _ sql: String) throws -> String {
        guard var url else { throw PostgresTestError(message: skipReason) }
        if let database, var parts = URLComponents(string: url) {
            parts.path = "/" + database
            url = parts.string ?? url
        }
        let executable = ["/usr/bin/psql", "/usr/local/bin/psql"].first { FileManager.default.isExecutableFile(atPath: $0) } ?? "/usr/bin/psql"
        let result = try ProcessRunner.run(executable, ["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                                           environment: ["PATH": "/usr/bin:/bin"])
        guard result.status == 0 else { throw PostgresTestError(message: "psql failed: \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Ends the database session holding the workspace's lock, as a lost connection would;
    /// how many sessions were ended.
    @discardableResult
    public static func dropLockSession(workspace: String) throws -> Int {
        let quoted = workspace.replacingOccurrences(of: "'", with: "''")
        let output = try psql("SELECT count(pg_terminate_backend(backend_pid)) FROM castform_locks WHERE workspace = '\(quoted)'")
        return Int(output) ?? 0
    }
}

public struct PostgresTestError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
