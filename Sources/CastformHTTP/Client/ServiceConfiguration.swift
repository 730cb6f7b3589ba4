import Logging

/// How to talk to one service: where it is, which middlewares apply, how its errors read.
///
/// A provider builds one per service and run; the middlewares' state (rate-limit windows, a
/// refreshing token) lives in them, so every request of that service shares it.
public struct ServiceConfiguration: Sendable {
    /// The name users know the service by, first in every error message.
    public var name: String
    /// Scheme, host and optional path prefix (`https://api.example.org/v2`); the emulator's
    /// `http://127.0.0.1:PORT` in tests and `--sandbox` runs.
    public var baseURL: String
    /// Outermost first. The usual order is retry, rate limit, auth, logging: every attempt
    /// takes a rate-limit slot, picks up a refreshed token, and is logged as sent.
    public var middlewares: [any HTTPMiddleware]
    public var timeouts: HTTPTimeouts
    /// Reads the service's explanation out of an error body; each provider brings its own.
    public var errorParser: ErrorBodyParser
    /// How the service says "slow down" (429 unless the provider says otherwise).
    public var rateLimit: RateLimitSignal
    public var redactor: Redactor
    public var logger: Logger
    public var clock: any HTTPClock
    /// Response bodies larger than this fail with `.responseTooLarge` instead of filling memory.
    public var maxResponseBytes: Int

    /// - Parameter secrets: values to redact wherever they appear (API keys, passwords).
    public init(
        name: String,
        baseURL: String,
        middlewares: [any HTTPMiddleware] = [],
        timeouts: HTTPTimeouts = HTTPTimeouts(),
        errorParser: @escaping ErrorBodyParser = ServiceErrors.plainText,
        rateLimit: RateLimitSignal = .tooManyRequests,
        secrets: [String] = [],
        logger: Logger = Logger(label: "castform.http"),
        clock: any HTTPClock = SystemClock(),
        maxResponseBytes: Int = 32 << 20
    ) {
        self.name = name
        self.baseURL = baseURL
        self.middlewares = middlewares
        self.timeouts = timeouts
        self.errorParser = errorParser
        self.rateLimit = rateLimit
        self.redactor = Redactor(secrets: secrets)
        self.logger = logger
        self.clock = clock
        self.maxResponseBytes = maxResponseBytes
    }
}
