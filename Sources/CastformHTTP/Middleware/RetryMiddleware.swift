import Logging

/// Sends a request again after a failure the policy names, waiting on the service's clock.
///
/// Only requests that are idempotent and whose body can be produced twice are retried: a POST
/// that created something before its answer was lost must not create it again, and a streamed
/// upload is never re-sent behind the caller's back. The exception is an answer saying the
/// request was refused unprocessed (429, a service's rate limit): nothing was made, so any
/// request whose body can be produced twice is sent again. Waits follow `Retry-After` when the
/// service gives one (up to the policy's limit), exponential backoff with jitter otherwise.
public struct RetryMiddleware: HTTPMiddleware {
    public let policy: RetryPolicy

    public init(policy: RetryPolicy = .standard) {
        self.policy = policy
    }

    public func intercept(
        _ request: HTTPRequest,
        context: RequestContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let retryable = request.isRetryable
        var attempt = 1
        var earlierAttempts = 0
        while true {
            let delay: Duration
            do {
                var response = try await next(request)
                response.attempts += earlierAttempts
                let again = retryable || (request.body.isReplayable && policy.isRefusal(response, signal: context.rateLimit))
                guard again, attempt < policy.maxAttempts, policy.shouldRetry(response, signal: context.rateLimit) else {
                    return response
                }
                if let retryAfter = RetryAfter.delay(in: response, now: context.clock.date, signal: context.rateLimit) {
                    guard retryAfter <= policy.maxRetryAfter else { return response }
                    delay = retryAfter
                } else {
                    delay = policy.backoff(beforeRetry: attempt)
                }
                earlierAttempts = response.attempts
                context.logger.debug("retrying after HTTP \(response.status)", metadata: Self.metadata(response.request, attempt, delay))
            } catch var error as HTTPError {
                error.attempts += earlierAttempts
                guard retryable, attempt < policy.maxAttempts, policy.shouldRetry(error) else { throw error }
                delay = policy.backoff(beforeRetry: attempt)
                earlierAttempts = error.attempts
                context.logger.debug("retrying after a connection failure", metadata: Self.metadata(error.request, attempt, delay))
            }
            try await context.clock.sleep(for: delay)
            attempt += 1
        }
    }

    private static func metadata(_ line: RequestLine, _ attempt: Int, _ delay: Duration) -> Logger.Metadata {
        ["service": "\(line.service)", "request": "\(line.method.rawValue) \(line.url)", "attempt": "\(attempt)", "delay": "\(delay)"]
    }
}
