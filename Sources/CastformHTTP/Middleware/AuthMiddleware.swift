import Foundation

/// Adds credentials to every request, in the scheme the service expects.
///
/// With a refreshing token source, a 401 answer invalidates the token and the request is sent
/// once more with a fresh one, provided its body can be sent twice; a second 401 is returned
/// as it is (the credentials are wrong, not stale). Every secret it sends is registered with the
/// service's redactor first, so it cannot appear in a log line or an error.
public struct AuthMiddleware: HTTPMiddleware {
    public enum Scheme: Sendable {
        /// `Authorization: Bearer <token>`.
        case bearer(TokenSource)
        /// `?<name>=<token>` on every request (`access_token=...`).
        case queryParameter(String, TokenSource)
        /// `Authorization: Basic base64(user:password)`.
        case basic(user: String, password: String)
    }

    public let scheme: Scheme

    public init(_ scheme: Scheme) {
        self.scheme = scheme
    }

    public func intercept(
        _ request: HTTPRequest,
        context: RequestContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let source: TokenSource
        switch scheme {
        case .basic(let user, let password):
            context.redactor.register(password)
            let credentials = Data("\(user):\(password)".utf8).base64EncodedString()
            context.redactor.register(credentials)
            var request = request
            request.headers["Authorization"] = "Basic \(credentials)"
            return try await next(request)
        case .bearer(let tokenSource), .queryParameter(_, let tokenSource):
            source = tokenSource
        }
        let token = try await source.token()
        context.redactor.register(token)
        let response = try await next(authorize(request, with: token))
        guard response.status == 401, case .provider(let provider) = source, request.body.isReplayable else {
            return response
        }
        await provider.invalidate(token)
        let fresh = try await provider.token()
        guard fresh != token else { return response }
        context.redactor.register(fresh)
        var retried = try await next(authorize(request, with: fresh))
        retried.attempts += response.attempts
        return retried
    }

    private func authorize(_ request: HTTPRequest, with token: String) -> HTTPRequest {
        var request = request
        switch scheme {
        case .bearer:
            request.headers["Authorization"] = "Bearer \(token)"
        case .queryParameter(let name, _):
            request.query.removeAll { $0.name == name }
            request.query.append((name, token))
        case .basic:
            break
        }
        return request
    }
}
