/// Sends requests to one service through its middleware chain and the shared transport.
///
/// The only place where a response becomes an error: a status outside 2xx (and outside the
/// request's `acceptedStatuses`) is thrown as an `HTTPError` carrying the service's own message,
/// read by the configuration's `errorParser` and redacted. Redirects are never followed, so a
/// 301 reaches the caller (as an error naming the new location, or as a response if accepted).
public final class HTTPClient: Sendable {
    public let configuration: ServiceConfiguration
    private let transport: HTTPTransport

    public init(service configuration: ServiceConfiguration, transport: HTTPTransport = .shared) {
        self.configuration = configuration
        self.transport = transport
    }

    public var context: RequestContext {
        RequestContext(
            service: configuration.name,
            baseURL: configuration.baseURL,
            redactor: configuration.redactor,
            logger: configuration.logger,
            clock: configuration.clock,
            rateLimit: configuration.rateLimit
        )
    }

    /// Sends `request` and returns its response, or throws `HTTPError` (or `CancellationError`).
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let context = self.context
        let transport = self.transport
        let timeouts = configuration.timeouts
        let limit = configuration.maxResponseBytes
        var chain: @Sendable (HTTPRequest) async throws -> HTTPResponse = { request in
            try await transport.execute(request, timeouts: request.timeouts ?? timeouts, maxResponseBytes: limit, context: context)
        }
        for middleware in configuration.middlewares.reversed() {
            let next = chain
            chain = { request in try await middleware.intercept(request, context: context, next: next) }
        }
        let response = try await chain(request)
        if response.isSuccess || request.acceptedStatuses.contains(response.status) {
            return response
        }
        throw statusError(for: response, context: context)
    }

    private func statusError(for response: HTTPResponse, context: RequestContext) -> HTTPError {
        var message = configuration.errorParser(response.status, response.headers, response.body)
        if (300..<400).contains(response.status), let location = response.headers["Location"] {
            message = "redirected to \(location)" + (message.map { " (\($0))" } ?? "")
        }
        let rateLimited = context.rateLimit.matches(response)
        return HTTPError(
            request: response.request,
            kind: rateLimited ? .rateLimited(retryAfter: RetryAfter.delay(in: response, now: context.clock.date, signal: context.rateLimit)) : .status,
            status: response.status,
            serviceMessage: message.map(context.redactor.redact),
            // A 5xx may come from a gateway that gave up while the service went on working.
            outcomeUnknown: response.status >= 500,
            attempts: response.attempts
        )
    }
}
