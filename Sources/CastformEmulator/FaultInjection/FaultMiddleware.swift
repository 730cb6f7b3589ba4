import Foundation
import Hummingbird
import NIOCore

/// Applies the fault plan around every route: latency first, then maybe a fault instead of
/// (or, for dropped connections, after) the real handling.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = EmulatorContext
    let injector: FaultInjector

    func handle(_ request: Request, context: EmulatorContext, next: (Request, EmulatorContext) async throws -> Response) async throws -> Response {
        let plan = injector.current
        var context = context
        context.faultPlan = plan
        if plan.latency > .zero { try await Task.sleep(for: plan.latency) }
        switch injector.draw(method: request.method.rawValue, path: request.uri.path) {
        case nil:
            return try await next(request, context)
        case .status(let code, let retryAfter)?:
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            if let retryAfter { headers[.retryAfter] = String(retryAfter) }
            let body = #"{"errors":["injected fault: HTTP \#(code)"]}"#
            return Response(status: .init(code: code), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        case .mixcloudRateLimit(let retryAfter)?:
            var headers = HTTPFields()
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.retryAfter] = String(retryAfter)
            let body = #"{"error": {"message": "You have hit your rate limit. Retry after \#(retryAfter) seconds.", "type": "RateLimitException", "retry_after": \#(retryAfter)}}"#
            return Response(status: .forbidden, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        case .dropAfterHandling?:
            // The service did the work; the client never hears of it.
            _ = try await next(request, context)
            try? await context.channel.close()
            throw HTTPError(.internalServerError, message: "connection dropped by fault injection")
        case .dropBeforeHandling?:
            try? await context.channel.close()
            throw HTTPError(.internalServerError, message: "connection dropped by fault injection")
        }
    }
}
