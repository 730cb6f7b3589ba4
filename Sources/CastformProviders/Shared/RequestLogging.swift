import CastformHTTP
import Logging

/// `--verbose` for every provider: requests logged (redacted) to standard error through
/// swift-log; silent otherwise.
enum RequestLogging {
    static func logger(_ service: String, verbose: Bool) -> Logger {
        var logger = Logger(label: "castform.\(service)") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = verbose ? .debug : .critical
        return logger
    }

    /// The logging middleware goes innermost, so every attempt is logged with the credentials
    /// the auth middleware added (and the redactor removes).
    static func middlewares(verbose: Bool) -> [any HTTPMiddleware] {
        verbose ? [LoggingMiddleware(level: .debug)] : []
    }
}
