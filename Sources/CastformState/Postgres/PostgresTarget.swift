import Foundation

/// Where a PostgreSQL state lives, parsed from the backend's URL
/// (`postgres://user:password@host:port/database?sslmode=require`).
///
/// The URL is a secret: it usually carries the password. Nothing prints a target but
/// `description`, which names host, port and database only — that is what error messages
/// and logs may say, so a CI log never shows the password. The password is kept apart
/// from everything a message could be made from, and `Mirror` sees no field that holds it.
public struct PostgresTarget: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable {
    /// How much TLS the URL asks for, as libpq's `sslmode` says it.
    public enum TLSMode: String, Sendable {
        /// Never TLS.
        case disable
        /// TLS when the server offers it (libpq's default; `allow` means the same here).
        case prefer
        /// TLS or no connection, the certificate not checked (libpq's `require`).
        case require
        /// TLS with the certificate checked against the system's roots.
        case verifyCA = "verify-ca"
        /// As `verifyCA`, and the certificate must name the host.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var database: String
    public var user: String
    public var tls: TLSMode
    let password: Secret

    /// Parses the URL; a problem is described without repeating the URL.
    public init(url: String) throws(StateError) {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme,
              ["postgres", "postgresql"].contains(scheme.lowercased()) else {
            throw StateError.invalidBackendURL(.notPostgres)
        }
        guard let host = parts.host, !host.isEmpty else { throw StateError.invalidBackendURL(.noHost) }
        self.host = host
        port = parts.port ?? 5432
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        user = parts.user?.removingPercentEncoding ?? LockInfo.currentUser()
        database = path.isEmpty ? user : (path.removingPercentEncoding ?? path)
        password = Secret(parts.password?.removingPercentEncoding)
        let mode = parts.queryItems?.last(where: { $0.name == "sslmode" })?.value ?? "prefer"
        guard let tls = mode == "allow" ? .prefer : TLSMode(rawValue: mode) else {
            throw StateError.invalidBackendURL(.unknownSSLMode(mode))
        }
        self.tls = tls
    }

    /// `host:port/database`: what a message may say about the target.
    public var description: String { "\(host):\(port)/\(database)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["target": description]) }

    /// A key that names this database and workspace in this process (never printed).
    func key(workspace: String) -> String { "\(user)@\(description)#\(workspace)" }

    /// The password, in a box that never prints it.
    struct Secret: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
        let value: String?

        init(_ value: String?) {
            self.value = value
        }

        var description: String { value == nil ? "(none)" : "(secret)" }
        var customMirror: Mirror { Mirror(self, children: []) }
    }
}
