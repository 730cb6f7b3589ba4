import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresNIO
import Synchronization

/// Opens connections to the state database and runs statements on them, turning every
/// failure into a `StateError` that names `host:port/database` only.
///
/// Every wait (connecting, a statement) is bounded by `timeout` on the injected clock, so a
/// database that stops answering fails the command instead of hanging it, and tests can run
/// the wait on a manual clock. A statement that times out closes its connection: its result
/// can no longer be trusted, and a lock held on it is given up with it.
struct PostgresConnector: Sendable {
    let target: PostgresTarget
    let timeout: Duration
    let clock: any Clock<Duration>

    /// postgres-nio logs through swift-log; castform's state layer says nothing it did not
    /// word itself (a log line could carry connection details), so its logger discards all.
    static let logger = Logger(label: "castform.state.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    func connect() async throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: target.host, port: target.port, username: target.user, password: target.password.value,
            database: target.database, tls: try tls())
        configuration.options.connectTimeout = .seconds(max(1, timeout.components.seconds))
        do {
            return try await within { [configuration] in
                try await PostgresConnection.connect(configuration: configuration, id: Int.random(in: 1...Int(Int32.max)),
                                                     logger: Self.logger)
            }
        } catch let error as StateError {
            throw error
        } catch {
            throw StateError.backendUnreachable(target: target.description, reason: Self.reason(error))
        }
    }

    /// Runs one statement and collects its rows.
    @discardableResult
    func rows(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> [PostgresRow] {
        do {
            return try await within(closing: connection) {
                try await connection.query(query, logger: Self.logger).collect()
            }
        } catch let error as StateError {
            throw error
        } catch {
            throw failure(error)
        }
    }

    /// A postgres-nio error in castform's words: a lost connection is unreachable, a
    /// server's refusal is failed.
    func failure(_ error: any Error) -> StateError {
        if let error = error as? PSQLError, error.code != .server {
            return .backendUnreachable(target: target.description, reason: Self.reason(error))
        }
        return .backendFailed(target: target.description, reason: Self.reason(error))
    }

    /// Runs `body`, or throws `backendTimedOut` once `timeout` has passed on the clock (and
    /// closes `connection`, so the statement cannot go on behind castform's back).
    ///
    /// A race, not a task group: a group waits for every child before it returns, so a
    /// statement that ignores cancellation on a connection the server dropped would hold the
    /// command forever. The loser is left to finish on its own.
    private func within<T: Sendable>(closing connection: PostgresConnection? = nil,
                                     _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let race = Race<T>()
        let failure = StateError.backendTimedOut(target: target.description, seconds: timeout.components.seconds)
        return try await withCheckedThrowingContinuation { continuation in
            race.start(continuation)
            let timer = Task { [clock, timeout] in
                do { try await clock.sleep(for: timeout) } catch { return }
                if race.finish(.failure(failure)), let connection { Task { try? await connection.close() } }
            }
            Task {
                do { _ = race.finish(.success(try await body())) } catch { _ = race.finish(.failure(error)) }
                timer.cancel()
            }
        }
    }

    /// Closes a connection, waiting at most `timeout`: a connection the server already ended
    /// must not keep the command from finishing.
    func close(_ connection: PostgresConnection) async {
        guard !connection.isClosed else { return }
        _ = try? await within { try await connection.close() }
    }

    /// The server's own words (its message and SQLSTATE) or the connection's failure; never
    /// anything built from the URL.
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] {
            return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
        }
        if let underlying = error.underlying { return String(describing: underlying) }
        return error.code.description
    }

    private func tls() throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch target.tls {
        case .disable: return .disable
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw StateError.backendUnreachable(target: target.description, reason: "TLS cannot be set up: \(error)")
        }
        return target.tls == .prefer ? .prefer(context) : .require(context)
    }
}

/// The first of several tasks to finish resumes the continuation; the others find it taken.
private final class Race<T: Sendable>: Sendable {
    private let continuation = Mutex<CheckedContinuation<T, any Error>?>(nil)

    func start(_ continuation: CheckedContinuation<T, any Error>) {
        self.continuation.withLock { $0 = continuation }
    }

    /// Resumes with `result` if nobody has yet; true when this call did.
    func finish(_ result: Result<T, any Error>) -> Bool {
        let waiting = continuation.withLock { current -> CheckedContinuation<T, any Error>? in
            defer { current = nil }
            return current
        }
        waiting?.resume(with: result)
        return waiting != nil
    }
}
