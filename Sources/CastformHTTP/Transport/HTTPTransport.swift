import AsyncHTTPClient
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// The wire: executes a request with async-http-client and collects the response.
///
/// One process-wide instance (`shared`) keeps the connection pools warm across providers. An
/// async-http-client instance fixes its connect and read timeouts at creation, so the transport
/// keeps one per distinct `HTTPTimeouts` (in practice one or two), all on one event loop of
/// NIO's shared group: a command-line tool needs no more, and a single loop is what lets an
/// upload pace itself against its connection (see `MultipartBodySequence`). They never follow
/// redirects (a 301 must reach the caller) and never retry a failed
/// connection on their own: `RetryMiddleware` is the one place that retries, on the injected
/// clock. Their own logging stays off, because it would print URLs with tokens in them.
public final class HTTPTransport: Sendable {
    /// Lives as long as the process; never shut down.
    public static let shared = HTTPTransport()

    private let clients = NIOLockedValueBox<[HTTPTimeouts: AsyncHTTPClient.HTTPClient]>([:])
    private let eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()
    private let userAgent: String

    public init(userAgent: String = "castform") {
        self.userAgent = userAgent
    }

    /// Closes every connection. Needed only for transports other than `shared`.
    public func shutdown() async throws {
        let clients = self.clients.withLockedValue { clients in
            defer { clients = [:] }
            return Array(clients.values)
        }
        for client in clients {
            try await client.shutdown()
        }
    }

    func execute(_ request: HTTPRequest, timeouts: HTTPTimeouts, maxResponseBytes: Int, context: RequestContext) async throws -> HTTPResponse {
        let line = context.line(for: request)
        var outgoing = HTTPClientRequest(url: request.url(relativeTo: context.baseURL))
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        outgoing.headers.add(name: "User-Agent", value: userAgent)
        if let contentType = request.body.contentType {
            outgoing.headers.add(name: "Content-Type", value: contentType)
        }
        for field in request.headers {
            outgoing.headers.replaceOrAdd(name: field.name, value: field.value)
        }
        let client = client(for: timeouts)
        do {
            switch request.body {
            case .empty:
                return try await perform(outgoing, on: client, line: line, limit: maxResponseBytes, sink: request.bodySink)
            case .bytes(let bytes, _), .json(let bytes):
                outgoing.body = .bytes(bytes)
                return try await perform(outgoing, on: client, line: line, limit: maxResponseBytes)
            case .form(let fields):
                outgoing.body = .bytes(Array(PercentEncoding.query(fields).utf8))
                return try await perform(outgoing, on: client, line: line, limit: maxResponseBytes)
            case .multipart(let form):
                return try await form.withStreamingBody(pacedBy: eventLoop) { body in
                    outgoing.body = body
                    return try await self.perform(outgoing, on: client, line: line, limit: maxResponseBytes)
                }
            }
        } catch {
            throw TransportFailure.error(error, request: line)
        }
    }

    private func perform(_ request: HTTPClientRequest, on client: AsyncHTTPClient.HTTPClient, line: RequestLine, limit: Int,
                         sink: (@Sendable ([UInt8]) throws -> Void)? = nil) async throws -> HTTPResponse {
        let response = try await client.execute(request, deadline: .distantFuture)
        let status = Int(response.status.code)
        let headers = HeaderFields(response.headers.map { HeaderFields.Field(name: $0.name, value: $0.value) })
        if let sink, (200..<300).contains(status) {
            // Streamed: each chunk is handed on as it arrives and never kept.
            for try await chunk in response.body { try sink(Array(buffer: chunk)) }
            return HTTPResponse(status: status, headers: headers, request: line)
        }
        let body: [UInt8]
        do {
            let announced = response.headers.first(name: "Content-Length").flatMap { Int($0) }
            body = try await Self.bytes(of: response.body, announced: announced, limit: limit)
        } catch is ResponseTooLarge {
            throw HTTPError(request: line, kind: .responseTooLarge(limit: limit), status: status, outcomeUnknown: true)
        } catch {
            // The service answered, so it acted on the request; only its answer is lost.
            let failure = TransportFailure.error(error, request: line)
            guard var failure = failure as? HTTPError else { throw failure }
            failure.outcomeUnknown = true
            throw failure
        }
        return HTTPResponse(status: status, headers: headers, body: body, request: line)
    }

    /// A body of more than the caller's limit.
    private struct ResponseTooLarge: Error {}

    /// The body in one array, each chunk copied once into room made for the announced length
    /// (gathering a list page in a growing buffer and then copying it out cost three copies).
    private static func bytes(of body: HTTPClientResponse.Body, announced: Int?, limit: Int) async throws -> [UInt8] {
        // An answer announced as larger than the limit is refused before any of it is read.
        if let announced, announced > limit { throw ResponseTooLarge() }
        var bytes: [UInt8] = []
        if let announced { bytes.reserveCapacity(announced) }
        for try await chunk in body {
            guard chunk.readableBytes <= limit - bytes.count else { throw ResponseTooLarge() }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }

    private func client(for timeouts: HTTPTimeouts) -> AsyncHTTPClient.HTTPClient {
        clients.withLockedValue { clients in
            if let client = clients[timeouts] { return client }
            var configuration = AsyncHTTPClient.HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: TimeAmount(timeouts.connect), read: TimeAmount(timeouts.read))
            )
            configuration.connectionPool.retryConnectionEstablishment = false
            let client = AsyncHTTPClient.HTTPClient(eventLoopGroup: eventLoop, configuration: configuration)
            clients[timeouts] = client
            return client
        }
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
