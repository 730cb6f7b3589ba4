import CastformEmulator
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Each service answers injected faults in its own shape, and a running emulator is driven
/// through its admin routes (`/_castform/`), which are never faulted or counted.
@Suite struct EmulatorAdminTests {
    func send(_ method: String, _ port: Int, _ path: String, body: String? = nil) async throws -> (status: Int, body: String, headers: [AnyHashable: Any]) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let body { request.httpBody = Data(body.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return (http.statusCode, String(decoding: data, as: UTF8.self), http.allHeaderFields)
    }

    func with(_ service: any EmulatedService, faults: FaultPlan = FaultPlan(), _ body: (EmulatorServer, Int) async throws -> Void) async throws {
        let server = EmulatorServer(service: service, faults: faults)
        let port = try await server.start()
        do {
            try await body(server, port)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func livepeerFaultsComeInLivepeersShape() async throws {
        let faults = FaultPlan(rate: 1, faults: [.status(403, retryAfter: nil), .rateLimit(retryAfter: 5), .status(500, retryAfter: nil)])
        try await with(LivepeerEmulator(), faults: faults) { _, port in
            let forbidden = try await send("GET", port, "/api/stream")
            #expect(forbidden.status == 403)
            #expect(forbidden.body == #"{"errors":["injected fault: HTTP 403"]}"#)
            let limited = try await send("GET", port, "/api/stream")
            #expect(limited.status == 429 && limited.headers["Retry-After"] as? String == "5")
            #expect(limited.body == #"{"errors":["too many requests"]}"#)
            #expect(try await send("GET", port, "/api/stream").body == #"{"errors":["injected fault: HTTP 500"]}"#)
        }
    }

    @Test func mixcloudFaultsComeInMixcloudsShape() async throws {
        let faults = FaultPlan(rate: 1, faults: [.status(500, retryAfter: nil), .status(403, retryAfter: nil)])
        try await with(MixcloudEmulator(), faults: faults) { _, port in
            let failed = try await send("GET", port, "/deepsessions/")
            #expect(failed.status == 500)
            #expect(failed.body == #"{"error":{"message":"Injected fault: HTTP 500","type":"ServerError"}}"#)
            // Mixcloud's documented 403 is its rate limit.
            let limited = try await send("GET", port, "/deepsessions/")
            #expect(limited.status == 403 && limited.body.contains(#""type":"RateLimitException""#))
            #expect(limited.headers["Retry-After"] as? String == "1")
        }
    }

    @Test func theInventoryListsEveryShowWhateverItsVisibility() async throws {
        let emulator = MixcloudEmulator()
        let seeded = try await emulator.seed(count: 2)
        try await emulator.change(seeded[1].key) { $0.visibility = .unlisted }
        try await with(emulator, faults: FaultPlan(rate: 1, faults: [.status(503, retryAfter: 1)])) { server, port in
            let reply = try await send("GET", port, "/_castform/objects")
            #expect(reply.status == 200)
            let objects = try JSONDecoder().decode([EmulatedObject].self, from: Data(reply.body.utf8))
            #expect(objects.map(\.details["visibility"]) == ["published", "unlisted"])
            #expect(objects.map(\.id) == seeded.map(\.key))
            #expect(server.log.entries.isEmpty, "admin requests are not counted")
        }
    }

    @Test func faultsAreSetAndRequestsCountedThroughTheAdminRoutes() async throws {
        try await with(MixcloudEmulator()) { _, port in
            #expect(try await send("GET", port, "/deepsessions/").status == 200)
            #expect(try await send("PUT", port, "/_castform/faults", body: #"{"rate": 1, "faults": "500", "only": ["GET /deepsessions/cloudcasts/"]}"#).status == 204)
            #expect(try await send("GET", port, "/deepsessions/cloudcasts/").status == 500)
            #expect(try await send("GET", port, "/deepsessions/").status == 200)
            let counts = try await send("GET", port, "/_castform/requests")
            #expect(counts.body == #"{"routes":{"GET /deepsessions/":2,"GET /deepsessions/cloudcasts/":1},"total":3}"#)
            #expect(try await send("DELETE", port, "/_castform/requests").status == 204)
            #expect(try await send("GET", port, "/_castform/requests").body == #"{"routes":{},"total":0}"#)
            let bad = try await send("PUT", port, "/_castform/faults", body: #"{"faults": "teapot"}"#)
            #expect(bad.status == 400 && bad.body.contains("unknown fault teapot"))
        }
    }
}
