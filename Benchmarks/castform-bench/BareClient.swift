// The least a client can do: AsyncHTTPClient, no middleware, bodies collected and not parsed
// (unless asked). The floor castform's reads are compared with, and how the e2e benchmark
// talks to the emulator's admin routes.
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

struct BareClient: Sendable {
    struct Answer: Sendable {
        var status: Int
        var link: String?
        var body: ByteBuffer
        var json: Any? { try? JSONSerialization.jsonObject(with: Data(buffer: body)) }
    }

    let headers: [(String, String)]

    init(headers: [(String, String)] = []) {
        self.headers = headers
    }

    func send(_ method: HTTPMethod = .GET, _ url: String, body: String? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let bytes = try await response.body.collect(upTo: 256 << 20)
        return Answer(status: Int(response.status.code), link: response.headers.first(name: "Link"), body: bytes)
    }

    /// Runs `work` for every item, at most `width` at a time; the results in no set order.
    static func concurrently<T: Sendable, R: Sendable>(_ items: [T], width: Int, _ work: @escaping @Sendable (T) async throws -> R) async throws -> [R] {
        try await withThrowingTaskGroup(of: R.self) { group in
            var iterator = items.makeIterator()
            for _ in 0..<width { if let item = iterator.next() { group.addTask { try await work(item) } } }
            var results: [R] = []
            while let result = try await group.next() {
                results.append(result)
                if let item = iterator.next() { group.addTask { try await work(item) } }
            }
            return results
        }
    }
}
