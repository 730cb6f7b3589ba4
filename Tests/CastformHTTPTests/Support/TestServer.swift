import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// A real HTTP server on 127.0.0.1 with an ephemeral port, answering through a closure and
/// recording every request it received. The one file of the tests that imports Hummingbird
/// (which exports its own `HTTPRequest` and `HTTPResponse`).
final class TestServer: Sendable {
    typealias Handler = @Sendable (ReceivedRequest) async throws -> CannedResponse

    let port: Int
    private let received: NIOLockedValueBox<[ReceivedRequest]>

    private init(port: Int, received: NIOLockedValueBox<[ReceivedRequest]>) {
        self.port = port
        self.received = received
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in arrival order.
    var requests: [ReceivedRequest] { received.withLockedValue { $0 } }

    /// Starts a server, runs `body` with it, and stops it.
    static func with<Result: Sendable>(
        _ handler: @escaping Handler,
        _ body: (TestServer) async throws -> Result
    ) async throws -> Result {
        let received = NIOLockedValueBox<[ReceivedRequest]>([])
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "test-server")
        logger.logLevel = .critical
        let app = Application(
            responder: CallbackResponder { (request: Request, _: BasicRequestContext) in
                var request = request
                let body = try await request.collectBody(upTo: 64 << 20)
                let plain = ReceivedRequest(
                    method: request.method.rawValue,
                    path: request.uri.path,
                    rawQuery: request.uri.query,
                    headers: request.headers.map { ($0.name.rawName, $0.value) },
                    body: Array(buffer: body)
                )
                received.withLockedValue { $0.append(plain) }
                let canned = try await handler(plain)
                if let delay = canned.delay { try await Task.sleep(for: delay) }
                var fields = HTTPFields()
                for (name, value) in canned.headers {
                    fields.append(HTTPFields.Element(name: HTTPFields.Element.Name(name)!, value: value))
                }
                return Response(
                    status: .init(code: canned.status),
                    headers: fields,
                    body: .init(byteBuffer: ByteBuffer(bytes: canned.body))
                )
            },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger
        )
        // Stopped gracefully, as the emulators are: cancelling the server's task while a
        // connection it accepted waits to be served drops that connection unserved, and NIO
        // traps on it ("Deinited NIOAsyncWriter without calling finish()").
        // Bounded: a handler still sleeping (a response delayed past the client's timeout) is
        // cancelled after a second rather than waited for.
        var configuration = ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(1)
        let group = ServiceGroup(configuration: configuration)
        let running = Task { try await group.run() }
        var ports = portStream.makeAsyncIterator()
        guard let port = await ports.next() else { throw CancellationError() }
        let server = TestServer(port: port, received: received)
        do {
            let result = try await body(server)
            await group.triggerGracefulShutdown()
            _ = await running.result
            return result
        } catch {
            await group.triggerGracefulShutdown()
            _ = await running.result
            throw error
        }
    }

    /// A server answering every request with the next response of `script`, the last one
    /// repeated once the script runs out.
    static func with<Result: Sendable>(
        script: [CannedResponse],
        _ body: (TestServer) async throws -> Result
    ) async throws -> Result {
        let index = NIOLockedValueBox(0)
        return try await with({ _ in
            let next = index.withLockedValue { index in
                defer { index += 1 }
                return min(index, script.count - 1)
            }
            return script[next]
        }, body)
    }
}
