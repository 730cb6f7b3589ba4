import CastformEmulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Hummingbird
import Testing

/// A trivial service to test the shared server, log and fault plan.
struct EchoService: EmulatedService {
    let name = "echo"

    func addRoutes(to router: Router<EmulatorContext>) {
        router.get("/ping") { _, _ in "pong" }
    }
}

@Suite struct EmulatorServerTests {
    func get(_ port: Int, _ path: String) async throws -> (Int, String, [AnyHashable: Any]) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        let http = response as! HTTPURLResponse
        return (http.statusCode, String(decoding: data, as: UTF8.self), http.allHeaderFields)
    }

    @Test func servesOnAnEphemeralLoopbackPortAndLogsRequests() async throws {
        let server = EmulatorServer(service: EchoService())
        let port = try await server.start()
        #expect(port > 0)
        let (status, body, _) = try await get(port, "/ping")
        #expect(status == 200 && body == "pong")
        #expect(server.log.count("GET", "/ping") == 1)
        await server.stop()
    }

    @Test func injectsFaultsInTurn() async throws {
        let server = EmulatorServer(service: EchoService(), faults: FaultPlan(rate: 1, faults: [.status(503, retryAfter: 2), .rateLimit(retryAfter: 7)]))
        let port = try await server.start()
        let first = try await get(port, "/ping")
        #expect(first.0 == 503)
        #expect(first.2["Retry-After"] as? String == "2")
        // A service without a rate limit of its own answers 429.
        let second = try await get(port, "/ping")
        #expect(second.0 == 429)
        #expect(second.2["Retry-After"] as? String == "7")
        server.faults.update(FaultPlan())
        #expect(try await get(port, "/ping").0 == 200)
        await server.stop()
    }
}
