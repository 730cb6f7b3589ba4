/// One HTTP concern (auth, retries, rate limits, logging) wrapped around the rest of the chain.
///
/// The shape of swift-openapi-runtime's `ClientMiddleware`: intercept the request, call `next`
/// zero or more times (a retry calls it again, a rate limiter waits first), and return or
/// transform the response. Middlewares see every response, whatever its status; turning a
/// non-2xx status into an `HTTPError` happens after the chain, in `HTTPClient.send`.
public protocol HTTPMiddleware: Sendable {
    func intercept(
        _ request: HTTPRequest,
        context: RequestContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}
