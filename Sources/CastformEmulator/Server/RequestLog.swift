import Foundation
import Hummingbird
import Synchronization

/// Every request an emulator answered, for tests that assert "exactly one stream was created"
/// or "the edit sent only the title". A `Mutex` guards the entries: appending is too small a
/// step for an actor hop on every request.
public final class RequestLog: Sendable {
    public struct Entry: Sendable, Hashable {
        public var method: String
        public var path: String
        public var query: String
        public var status: Int
    }

    private let recorded = Mutex<[Entry]>([])

    public init() {}

    public func append(_ entry: Entry) {
        recorded.withLock { $0.append(entry) }
    }

    public var entries: [Entry] {
        recorded.withLock { $0 }
    }

    /// Entries whose method and path match, e.g. `count("POST", "/stream")`.
    public func count(_ method: String, _ path: String) -> Int {
        entries.filter { $0.method == method && $0.path == path }.count
    }

    public func reset() {
        recorded.withLock { $0.removeAll() }
    }
}

struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = EmulatorContext
    let log: RequestLog

    func handle(_ request: Request, context: EmulatorContext, next: (Request, EmulatorContext) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix(EmulatorAdmin.prefix) { return try await next(request, context) }
        // Errors that render themselves (the services' own, Hummingbird's) are answers too.
        do {
            let response = try await next(request, context)
            log.append(.init(method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "", status: Int(response.status.code)))
            return response
        } catch let error as any HTTPResponseError {
            log.append(.init(method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "", status: Int(error.status.code)))
            throw error
        }
    }
}
