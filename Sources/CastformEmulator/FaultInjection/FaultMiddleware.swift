import Foundation
import Hummingbird
import NIOCore

/// Applies the fault plan around every route: latency first, then maybe a fault instead of
/// (or, for dropped connections, after) the real handling. Faults are answered in the
/// service's own error shape. The admin routes (`/_castform/`) are never delayed or faulted.
/// Latency is waited on the server's clock, which it also hands to the routes.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = EmulatorContext
    let injector: FaultInjector
    let service: any EmulatedService
    let clock: any Clock<Duration>

    func handle(_ request: Request, context: EmulatorContext, next: (Request, EmulatorContext) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix(EmulatorAdmin.prefix) { return try await next(request, context) }
        let plan = injector.current
        var context = context
        context.faultPlan = plan
        context.clock = clock
        if plan.latency > .zero { try await clock.sleep(for: plan.latency) }
        switch injector.draw(method: request.method.rawValue, path: request.uri.path) {
        case nil:
            return try await next(request, context)
        case .status(let code, let retryAfter)?:
            return service.faultResponse(status: code, retryAfter: retryAfter)
        case .rateLimit(let retryAfter)?:
            return service.rateLimitResponse(retryAfter: retryAfter)
        case .dropAfterHandling?:
            // The service did the work (or refused it: its error is an answer never sent
            // either); the client never hears of it.
            _ = try? await next(request, context)
            try? await context.channel.close()
            throw HTTPError(.internalServerError, message: "connection dropped by fault injection")
        case .dropBeforeHandling?:
            try? await context.channel.close()
            throw HTTPError(.internalServerError, message: "connection dropped by fault injection")
        }
    }
}
