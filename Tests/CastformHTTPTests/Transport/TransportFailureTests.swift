import CastformHTTP
import Testing

/// What a provider learns when no answer comes: whether the request may have taken effect.
@Suite struct TransportFailureTests {
    @Test func aRefusedConnectionCertainlyDidNothing() async throws {
        try await DroppingServer.withRefusingPort { port in
            let client = makeClient("http://127.0.0.1:\(port)", name: "Livepeer")
            let error = try await httpError { _ = try await client.send(HTTPRequest(.post, "/stream", body: .json(Array("{}".utf8)))) }
            #expect(error.kind == .connection("connection refused"))
            #expect(!error.outcomeUnknown)
            #expect(error.message == "Livepeer POST http://127.0.0.1:\(port)/stream: could not connect: connection refused")
        }
    }

    @Test func aConnectionDroppedAfterTheRequestWasSentIsOutcomeUnknown() async throws {
        try await DroppingServer.with { server in
            let client = makeClient(server.baseURL, name: "Livepeer")
            let error = try await httpError { _ = try await client.send(HTTPRequest(.post, "/stream", body: .json(Array(#"{"name": "Main Stage"}"#.utf8)))) }
            #expect(server.requestCount == 1)
            #expect(error.outcomeUnknown)
            #expect(error.isTransportFailure)
            #expect(error.message.hasSuffix("the request was sent, so it may have been carried out"))
        }
    }

    @Test func aReadTimeoutIsOutcomeUnknown() async throws {
        var slow = CannedResponse.json(201, "{}")
        slow.delay = .seconds(2)
        try await TestServer.with(script: [slow]) { server in
            let client = makeClient(server.baseURL, timeouts: HTTPTimeouts(connect: .seconds(5), read: .milliseconds(200)))
            let error = try await httpError { _ = try await client.send(HTTPRequest(.post, "/stream")) }
            #expect(error.kind == .timeout(.read))
            #expect(error.outcomeUnknown)
        }
    }

    @Test func aPerRequestTimeoutOverridesTheService() async throws {
        var slow = CannedResponse.json(200, "{}")
        slow.delay = .milliseconds(600)
        try await TestServer.with(script: [slow]) { server in
            let client = makeClient(server.baseURL, timeouts: HTTPTimeouts(read: .milliseconds(200)))
            let response = try await client.send(HTTPRequest(.get, "/slow", timeouts: HTTPTimeouts(read: .seconds(10))))
            #expect(response.status == 200)
        }
    }

    @Test func aResponseLargerThanTheLimitIsRefused() async throws {
        try await TestServer.with(script: [.text(200, String(repeating: "x", count: 5000))]) { server in
            let client = HTTPClient(service: ServiceConfiguration(name: "Testing", baseURL: server.baseURL, maxResponseBytes: 1000))
            let error = try await httpError { _ = try await client.send(HTTPRequest(.get, "/big")) }
            #expect(error.kind == .responseTooLarge(limit: 1000))
        }
    }
}
