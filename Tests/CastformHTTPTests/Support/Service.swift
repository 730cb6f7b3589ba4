import CastformHTTP
import CastformTestSupport
import Logging

/// Builds the client for a test service pointing at a local server.
func makeClient(
    _ baseURL: String,
    name: String = "Testing",
    middlewares: [any HTTPMiddleware] = [],
    errorParser: @escaping ErrorBodyParser = ServiceErrors.plainText,
    rateLimit: RateLimitSignal = .tooManyRequests,
    secrets: [String] = [],
    clock: any HTTPClock = ManualClock(advancesOnSleep: true),
    timeouts: HTTPTimeouts = HTTPTimeouts(),
    logger: Logger = Logger(label: "castform.http.test", factory: { _ in SwiftLogNoOpLogHandler() })
) -> HTTPClient {
    HTTPClient(
        service: ServiceConfiguration(
            name: name,
            baseURL: baseURL,
            middlewares: middlewares,
            timeouts: timeouts,
            errorParser: errorParser,
            rateLimit: rateLimit,
            secrets: secrets,
            logger: logger,
            clock: clock
        )
    )
}

/// Runs `body` and returns the `HTTPError` it throws; fails the test if it throws none.
func httpError(_ body: () async throws -> Void) async throws -> HTTPError {
    do {
        try await body()
    } catch let error as HTTPError {
        return error
    }
    throw UnexpectedSuccess()
}

struct UnexpectedSuccess: Error, CustomStringConvertible {
    var description: String { "expected an HTTPError, but the request succeeded" }
}
