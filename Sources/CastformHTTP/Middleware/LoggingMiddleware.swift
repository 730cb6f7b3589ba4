import Logging

/// Logs each request as it is sent and its outcome, through the service's logger, redacted.
///
/// `castform --verbose` lowers the logger's level to show these lines. The URL goes through the
/// redactor (so `access_token=REDACTED`), and at `.trace` the request headers are listed with
/// every credential-bearing header's value replaced. Placed innermost, it logs every attempt,
/// with the credentials the auth middleware added, which is exactly what must be redacted.
public struct LoggingMiddleware: HTTPMiddleware {
    /// Headers whose values are secrets whatever they contain.
    static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]

    public var level: Logger.Level

    public init(level: Logger.Level = .debug) {
        self.level = level
    }

    public func intercept(
        _ request: HTTPRequest,
        context: RequestContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let logger = context.logger
        let line = context.line(for: request)
        let target = "\(line.method.rawValue) \(line.url)"
        logger.log(level: level, "→ \(target)", metadata: ["service": "\(line.service)"])
        if logger.logLevel <= .trace {
            for field in request.headers {
                let value = Self.secretHeaders.contains(field.name.lowercased()) ? Redactor.placeholder : context.redactor.redact(field.value)
                logger.trace("  \(field.name): \(value)", metadata: ["service": "\(line.service)"])
            }
        }
        let started = context.clock.now
        do {
            let response = try await next(request)
            let elapsed = context.clock.now - started
            logger.log(
                level: level,
                "← \(response.status) \(target) (\(Self.milliseconds(elapsed)) ms, \(response.body.count) bytes)",
                metadata: ["service": "\(line.service)"]
            )
            return response
        } catch let error as HTTPError {
            logger.log(level: level, "✗ \(error.message)", metadata: ["service": "\(line.service)"])
            throw error
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
