import Logging

/// What a middleware knows about the service a request goes to.
public struct RequestContext: Sendable {
    /// The service's name as users know it, first in every error message.
    public var service: String
    public var baseURL: String
    /// Shared by all requests of the service; the auth middleware registers tokens in it.
    public var redactor: Redactor
    public var logger: Logger
    /// The service's clock: backoff, Retry-After and rate windows all use it.
    public var clock: any HTTPClock
    /// How the service says "slow down".
    public var rateLimit: RateLimitSignal

    public init(service: String, baseURL: String, redactor: Redactor, logger: Logger, clock: any HTTPClock,
                rateLimit: RateLimitSignal = .tooManyRequests) {
        self.service = service
        self.baseURL = baseURL
        self.redactor = redactor
        self.logger = logger
        self.clock = clock
        self.rateLimit = rateLimit
    }

    /// The request's identity with its URL redacted, for logs and errors.
    public func line(for request: HTTPRequest) -> RequestLine {
        RequestLine(service: service, method: request.method, url: redactor.redact(request.url(relativeTo: baseURL)))
    }
}
