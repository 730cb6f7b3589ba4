/// When and how patiently to retry.
public struct RetryPolicy: Sendable {
    /// What is worth retrying; anything else is returned or thrown at once.
    public var conditions: [RetryCondition]
    /// Answers that say the request was refused before anything was done (the service's rate
    /// limit): worth sending again even for a create, as long as its body can be produced
    /// again. Each must also be among `conditions`.
    public var refusals: [RetryCondition]
    /// Sends at most this many times, the first included.
    public var maxAttempts: Int
    /// The wait before the first retry; each later wait is `multiplier` times the previous.
    public var baseDelay: Duration
    public var multiplier: Double
    /// No backoff wait is longer than this, before jitter.
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured. A service asking for more is not retried: the
    /// request fails at once with `.rateLimited(retryAfter:)`, which tells the user how long,
    /// rather than hanging a CI job.
    public var maxRetryAfter: Duration
    public var jitter: Jitter

    public init(
        conditions: [RetryCondition] = [.connectionError, .rateLimited, .status(500), .range(502...504)],
        refusals: [RetryCondition] = [.rateLimited],
        maxAttempts: Int = 4,
        baseDelay: Duration = .milliseconds(500),
        multiplier: Double = 2,
        maxDelay: Duration = .seconds(30),
        maxRetryAfter: Duration = .seconds(600),
        jitter: Jitter = .equal
    ) {
        self.conditions = conditions
        self.refusals = refusals
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.multiplier = multiplier
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.jitter = jitter
    }

    /// Connection errors, the service's rate limit, 500 and 502–504: what every HTTP service
    /// may answer when busy or briefly broken. Only idempotent requests are ever retried
    /// (`HTTPRequest.isRetryable`), but for the rate limit, which refuses a request unprocessed:
    /// a 500 to a create may come after the object was made, and finding it is recovery's job.
    public static let standard = RetryPolicy()

    /// The backoff before retry number `retry` (1 for the first retry), capped, then jittered.
    public func backoff(beforeRetry retry: Int) -> Duration {
        var delay = baseDelay
        for _ in 1..<max(retry, 1) {
            delay = delay * multiplier
            if delay >= maxDelay { break }
        }
        return jitter.apply(min(delay, maxDelay))
    }

    func shouldRetry(_ response: HTTPResponse, signal: RateLimitSignal) -> Bool {
        conditions.contains { $0.matches(response, signal: signal) }
    }

    /// Whether `response` refused the request unprocessed, so that even a create may be sent again.
    func isRefusal(_ response: HTTPResponse, signal: RateLimitSignal) -> Bool {
        refusals.contains { $0.matches(response, signal: signal) }
    }

    func shouldRetry(_ error: HTTPError) -> Bool {
        conditions.contains { $0.matches(error) }
    }
}
