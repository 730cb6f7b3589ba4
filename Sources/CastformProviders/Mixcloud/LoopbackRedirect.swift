import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A one-shot HTTP listener on 127.0.0.1 for an OAuth redirect: the browser brings the
/// authorisation code back to it (RFC 8252 §7.3, the loopback redirect for command-line apps).
/// Blocking POSIX sockets on a thread of its own: it answers one request and closes.
final class LoopbackRedirect: Sendable {
    let port: Int
    private let socketFD: Int32

    init(port requested: Int = 0) throws {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw LoginFailure("cannot open a local port for the login redirect") }
        var yes: Int32 = 1
        setsockopt(socketFD, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(requested).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socketFD, 4) == 0 else {
            close(socketFD)
            throw LoginFailure("cannot listen on 127.0.0.1:\(requested) for the login redirect")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
        self.socketFD = socketFD
    }

    deinit { close(socketFD) }

    /// Waits for the redirect and returns its query items; answers the browser with `page`.
    func awaitQuery(timeout: Int32, page: String) async throws -> [String: String] {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { [self] in
                var poller = pollfd(fd: socketFD, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, timeout * 1000) > 0 else {
                    continuation.resume(throwing: LoginFailure("no answer from the browser within \(timeout) seconds; run `castform login mixcloud` again"))
                    return
                }
                let client = accept(socketFD, nil, nil)
                guard client >= 0 else { continuation.resume(throwing: LoginFailure("the login redirect failed")); return }
                defer { close(client) }
                var buffer = [UInt8](repeating: 0, count: 8192)
                let count = read(client, &buffer, buffer.count)
                let request = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
                let body = Array(page.utf8)
                let response = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n" + page
                _ = response.withCString { write(client, $0, strlen($0)) }
                let target = request.split(separator: " ").dropFirst().first.map(String.init) ?? ""
                let items = URLComponents(string: "http://127.0.0.1" + target)?.queryItems ?? []
                continuation.resume(returning: Dictionary(items.map { ($0.name, $0.value ?? "") }) { $1 })
            }
        }
    }
}
