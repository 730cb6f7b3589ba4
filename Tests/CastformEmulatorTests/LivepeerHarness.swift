import CastformEmulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Livepeer emulator served on an ephemeral loopback port, and a small client for it.
struct LivepeerHarness {
    static let key = "livepeer-test-key"

    let emulator: LivepeerEmulator
    let server: EmulatorServer
    let port: Int

    var baseURL: String { "http://127.0.0.1:\(port)/api" }

    /// Runs `body` against a fresh server and stops it afterwards, also when `body` throws.
    static func with<T>(_ emulator: LivepeerEmulator = LivepeerEmulator(), faults: FaultPlan = FaultPlan(),
                        _ body: (LivepeerHarness) async throws -> T) async throws -> T {
        let server = EmulatorServer(service: emulator, faults: faults)
        let port = try await server.start()
        let harness = LivepeerHarness(emulator: emulator, server: server, port: port)
        do {
            let result = try await body(harness)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Sends a request under /api; `json` is sent as it is, with `Content-Type: application/json`.
    func send(_ method: String, _ path: String, json: String? = nil, key: String? = LivepeerHarness.key,
              headers: [String: String] = [:]) async throws -> LivepeerReply {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            fields[String(describing: name).lowercased()] = String(describing: value)
        }
        return LivepeerReply(status: http.statusCode, body: data, headers: fields)
    }

    /// Creates a stream and returns its JSON; fails the caller when the server says no.
    func createStream(_ json: String = #"{"name":"main stage"}"#) async throws -> [String: Any] {
        let reply = try await send("POST", "/stream", json: json)
        guard reply.status == 201 else { throw LivepeerHarnessError.unexpected(reply.status, reply.text) }
        return reply.object
    }
}

enum LivepeerHarnessError: Error {
    case unexpected(Int, String)
}

struct LivepeerReply {
    let status: Int
    let body: Data
    /// Lowercased names.
    let headers: [String: String]

    var text: String { String(decoding: body, as: UTF8.self) }
    var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    /// The strings of `{"errors": [...]}`.
    var errors: [String] { object["errors"] as? [String] ?? [] }
}
