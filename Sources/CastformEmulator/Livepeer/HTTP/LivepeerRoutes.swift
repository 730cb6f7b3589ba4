import Foundation
import Hummingbird

/// Registers the Livepeer handlers under `/api` and answers everything else there as the
/// server does: `{"errors": ["not found"]}` with 404, also for a known path with a method it
/// does not serve (Hummingbird alone would answer those with its own 404 body).
final class LivepeerRoutes {
    private let group: RouterGroup<EmulatorContext>
    private let emulator: LivepeerEmulator
    private var served: [String: Set<HTTPRequest.Method>] = [:]
    private var order: [String] = []

    init(group: RouterGroup<EmulatorContext>, emulator: LivepeerEmulator) {
        self.group = group
        self.emulator = emulator
    }

    /// Adds a handler; a `LivepeerError` it throws renders itself as the server's error answer.
    func add(_ method: HTTPRequest.Method, _ path: String,
             _ handler: @escaping @Sendable (LivepeerCall) async throws -> Response) {
        if served[path] == nil { order.append(path) }
        served[path, default: []].insert(method)
        group.on(RouterPath(stringLiteral: path), method: method) { [emulator] request, context in
            try await handler(LivepeerCall(request: request, context: context, emulator: emulator))
        }
    }

    /// The JSON 404 for other methods on the served paths and for any other path.
    func addNotFound() {
        let methods: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete]
        for path in order {
            for method in methods where !(served[path]?.contains(method) ?? false) {
                group.on(RouterPath(stringLiteral: path), method: method) { _, _ in LivepeerResponse.error(.notFound()) }
            }
        }
        for method in methods {
            group.on("**", method: method) { _, _ in LivepeerResponse.error(.notFound()) }
        }
    }
}
