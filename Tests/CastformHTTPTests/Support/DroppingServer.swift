import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A TCP server on 127.0.0.1 that reads a whole HTTP request (headers and `Content-Length`
/// bytes of body) and then closes the connection without answering: the "connection dropped
/// after the request was sent" fault, which a Hummingbird route cannot produce.
final class DroppingServer: Sendable {
    let port: Int
    private let counter: NIOLockedValueBox<Int>

    private init(port: Int, counter: NIOLockedValueBox<Int>) {
        self.port = port
        self.counter = counter
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// How many complete requests arrived.
    var requestCount: Int { counter.withLockedValue { $0 } }

    static func with<Result>(_ body: (DroppingServer) async throws -> Result) async throws -> Result {
        let counter = NIOLockedValueBox(0)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.addHandler(DropAfterRequest(counter: counter))
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        let server = DroppingServer(port: channel.localAddress?.port ?? 0, counter: counter)
        do {
            let result = try await body(server)
            try await channel.close()
            return result
        } catch {
            try? await channel.close()
            throw error
        }
    }

    /// Runs `body` with a port on which connections are refused: a socket bound to it but never
    /// listening. Holding the binding keeps the kernel from handing the port to another test's
    /// server while this one runs (a port bound and closed again could be reused at once).
    static func withRefusingPort<T>(_ body: (Int) async throws -> T) async throws -> T {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        precondition(descriptor >= 0, "socket() failed")
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        precondition(bound, "bind() failed")
        return try await body(Int(UInt16(bigEndian: address.sin_port)))
    }
}

private final class DropAfterRequest: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    private let counter: NIOLockedValueBox<Int>
    private var received: [UInt8] = []

    init(counter: NIOLockedValueBox<Int>) {
        self.counter = counter
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received += Array(buffer: unwrapInboundIn(data))
        let text = String(decoding: received, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n") else { return }
        let headers = text[..<headerEnd.lowerBound].lowercased()
        let length = headers.split(separator: "\r\n")
            .first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        let headerBytes = text[..<headerEnd.upperBound].utf8.count
        guard received.count >= headerBytes + length else { return }
        counter.withLockedValue { $0 += 1 }
        context.close(promise: nil)
    }
}
