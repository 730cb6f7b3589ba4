import CastformHTTP
import CastformTestSupport
import Foundation
import Testing

@Suite struct RetryMiddlewareTests {
    /// Backoff of 1 s doubling, no jitter: delays are exact.
    static let policy = RetryPolicy(maxAttempts: 4, baseDelay: .seconds(1), multiplier: 2, maxDelay: .seconds(30), jitter: .none)

    @Test func retries503UntilSuccessWithExponentialDelays() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        try await TestServer.with(script: [.status(503), .status(503), .json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: Self.policy)], clock: clock)
            let response = try await client.send(HTTPRequest(.get, "/stream"))
            #expect(response.status == 200)
            #expect(response.attempts == 3)
            #expect(server.requests.count == 3)
            #expect(clock.sleeps == [.seconds(1), .seconds(2)])
        }
    }

    /// A 500 to a read is a hiccup worth another try, for every service: one failed read must
    /// not abort a whole plan.
    @Test func anInternalServerErrorToAReadIsRetried() async throws {
        var policy = RetryPolicy.standard
        policy.baseDelay = .seconds(1)
        policy.jitter = .none
        let clock = ManualClock(advancesOnSleep: true)
        try await TestServer.with(script: [.status(500), .status(500), .json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: policy)], clock: clock)
            let response = try await client.send(HTTPRequest(.get, "/deepsessions/cloudcasts/"))
            #expect(response.status == 200)
            #expect(server.requests.count == 3)
            #expect(clock.sleeps == [.seconds(1), .seconds(2)])
        }
    }

    /// ... but never to a create: the 500 may have come after the object was made.
    @Test func anInternalServerErrorToAPostIsNotRetried() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        try await TestServer.with(script: [.status(500), .json(201, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: Self.policy)], clock: clock)
            let error = try await httpError { _ = try await client.send(HTTPRequest(.post, "/stream", body: .json(Array("{}".utf8)))) }
            #expect(error.status == 500)
            #expect(error.outcomeUnknown)
            #expect(server.requests.count == 1)
        }
    }

    @Test func givesUpAfterMaxAttemptsAndSaysSo() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        try await TestServer.with(script: [.status(502)]) { server in
            let client = makeClient(server.baseURL, name: "Livepeer", middlewares: [RetryMiddleware(policy: Self.policy)], clock: clock)
            let error = try await httpError { _ = try await client.send(HTTPRequest(.get, "/stream")) }
            #expect(server.requests.count == 4)
            #expect(clock.sleeps == [.seconds(1), .seconds(2), .seconds(4)])
            #expect(error.attempts == 4)
            #expect(error.message == "Livepeer GET \(server.baseURL)/stream: HTTP 502 Bad Gateway (after 4 attempts)")
        }
    }

    @Test func backoffIsCappedThenJittered() {
        var policy = Self.policy
        policy.maxDelay = .seconds(5)
        #expect((1...6).map { policy.backoff(beforeRetry: $0) } == [.seconds(1), .seconds(2), .seconds(4), .seconds(5), .seconds(5), .seconds(5)])
        policy.jitter = .fixed(0.5)
        #expect((1...4).map { policy.backoff(beforeRetry: $0) } == [.milliseconds(500), .seconds(1), .seconds(2), .milliseconds(2500)])
        for retry in 1...8 {
            let delay = RetryPolicy(baseDelay: .seconds(1), maxDelay: .seconds(8), jitter: .equal).backoff(beforeRetry: retry)
            let full = min(Duration.seconds(1 << (retry - 1)), .seconds(8))
            #expect(delay >= full / 2 && delay <= full)
        }
    }

    @Test func honoursRetryAfterInSeconds() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        try await TestServer.with(script: [.status(429, headers: [("Retry-After", "7")]), .json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: Self.policy)], clock: clock)
            _ = try await client.send(HTTPRequest(.get, "/stream"))
            #expect(clock.sleeps == [.seconds(7)])
        }
    }

    @Test func honoursRetryAfterAsAnHTTPDate() async throws {
        let clock = ManualClock(date: Date(timeIntervalSince1970: 1_784_000_000), advancesOnSleep: true)
        // 1_784_000_000 is Tue, 14 Jul 2026 03:33:20 GMT; the server asks for 90 s later.
        let retryDate = "Tue, 14 Jul 2026 03:34:50 GMT"
        try await TestServer.with(script: [.status(503, headers: [("Retry-After", retryDate)]), .json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: Self.policy)], clock: clock)
            _ = try await client.send(HTTPRequest(.get, "/stream"))
            #expect(clock.sleeps == [.seconds(90)])
        }
    }

    @Test func aRetryAfterBeyondTheLimitFailsAtOnceAsRateLimited() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        var policy = Self.policy
        policy.maxRetryAfter = .seconds(60)
        try await TestServer.with(script: [.status(429, headers: [("Retry-After", "3600")])]) { server in
            let client = makeClient(server.baseURL, name: "Livepeer", middlewares: [RetryMiddleware(policy: policy)], clock: clock)
            let error = try await httpError { _ = try await client.send(HTTPRequest(.get, "/stream")) }
            #expect(clock.sleeps.isEmpty)
            #expect(server.requests.count == 1)
            #expect(error.kind == .rateLimited(retryAfter: .seconds(3600)))
            #expect(error.message == "Livepeer GET \(server.baseURL)/stream: HTTP 429 Too Many Requests (rate limited; the service asks to wait 3600 s)")
        }
    }

    /// A service whose rate limit is a 403 says so in its signal; the retry honours it.
    @Test func aServicesOwnRateLimitIsRetriedAfterTheWaitItAsks() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        let limited = CannedResponse.json(
            403,
            #"{"error": {"message": "You have hit your rate limit. Retry after 452 seconds.", "type": "RateLimitException", "retry_after": 452}}"#,
            headers: [("Retry-After", "452")]
        )
        try await TestServer.with(script: [limited, .json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: .standard)], rateLimit: TestFormats.forbiddenRateLimit, clock: clock)
            _ = try await client.send(HTTPRequest(.get, "/spartacus/cloudcasts/"))
            #expect(server.requests.count == 2)
            #expect(clock.sleeps == [.seconds(452)])
        }
    }

    @Test func theWaitIsReadFromTheBodyWhenTheSignalSaysWhereAndTheHeaderIsMissing() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        let limited = CannedResponse.json(403, #"{"error": {"message": "Slow down", "type": "RateLimitException", "retry_after": 12}}"#)
        try await TestServer.with(script: [limited, .json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: .standard)], rateLimit: TestFormats.forbiddenRateLimit, clock: clock)
            _ = try await client.send(HTTPRequest(.get, "/me/"))
            #expect(clock.sleeps == [.seconds(12)])
        }
    }

    @Test func aPlain403IsNotRetried() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        try await TestServer.with(script: [.json(403, #"{"error": {"type": "PermissionException", "message": "Forbidden"}}"#)]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: .standard)], errorParser: TestFormats.envelope,
                                    rateLimit: TestFormats.forbiddenRateLimit, clock: clock)
            let error = try await httpError { _ = try await client.send(HTTPRequest(.get, "/me/")) }
            #expect(server.requests.count == 1)
            #expect(error.kind == .status)
            #expect(error.serviceMessage == "Forbidden")
        }
    }

    @Test func postIsNotRetriedAutomatically() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        try await TestServer.with(script: [.status(503), .json(201, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: Self.policy)], clock: clock)
            let error = try await httpError { _ = try await client.send(HTTPRequest(.post, "/stream", body: .json(Array("{}".utf8)))) }
            #expect(error.status == 503)
            #expect(error.outcomeUnknown)
            #expect(server.requests.count == 1)
            #expect(clock.sleeps.isEmpty)
        }
    }

    /// 429 says the request was refused before anything was done: even a create is sent again.
    @Test func aPostRefusedWith429IsSentAgain() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        try await TestServer.with(script: [.status(429, headers: [("Retry-After", "2")]), .json(201, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: Self.policy)], clock: clock)
            let response = try await client.send(HTTPRequest(.post, "/stream", body: .json(Array("{}".utf8))))
            #expect(response.status == 201)
            #expect(server.requests.count == 2)
            #expect(clock.sleeps == [.seconds(2)])
        }
    }

    @Test func aPostMarkedIdempotentIsRetried() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        try await TestServer.with(script: [.status(503), .json(201, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: Self.policy)], clock: clock)
            let response = try await client.send(HTTPRequest(.post, "/search", body: .json(Array("{}".utf8)), idempotent: true))
            #expect(response.status == 201)
            #expect(server.requests.map(\.text) == ["{}", "{}"])
        }
    }

    @Test func aStreamedMultipartBodyIsNeverResent() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        try await TemporaryFile.with(bytes: TemporaryFile.pattern(count: 300_000)) { file in
            try await TestServer.with(script: [.status(503), .json(200, "{}")]) { server in
                let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: Self.policy)], clock: clock)
                var form = MultipartForm()
                form.addFile("mp3", path: file.path)
                // PUT is idempotent by method; the streamed body alone must stop the retry.
                let request = HTTPRequest(.put, "/upload/", body: .multipart(form))
                #expect(request.idempotent && !request.isRetryable)
                let error = try await httpError { _ = try await client.send(request) }
                #expect(error.status == 503)
                #expect(server.requests.count == 1)
                #expect(clock.sleeps.isEmpty)
            }
        }
    }

    /// An edit's form of text fields alone is a few bytes in memory: retried like JSON.
    @Test func aMultipartFormOfFieldsAloneIsRetried() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        try await TestServer.with(script: [.status(429, headers: [("Retry-After", "1")]), .json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: Self.policy)], clock: clock)
            var form = MultipartForm()
            form.addField("name", "New title")
            let response = try await client.send(HTTPRequest(.post, "/upload/dj/show/edit/", body: .multipart(form), idempotent: true))
            #expect(response.status == 200)
            #expect(server.requests.count == 2)
            #expect(server.requests.allSatisfy { $0.text.contains("New title") })
        }
    }

    @Test func connectionFailuresOfIdempotentRequestsAreRetried() async throws {
        let clock = ManualClock(advancesOnSleep: true)
        try await DroppingServer.withRefusingPort { port in
            let client = makeClient("http://127.0.0.1:\(port)", middlewares: [RetryMiddleware(policy: Self.policy)], clock: clock)
            let error = try await httpError { _ = try await client.send(HTTPRequest(.get, "/stream")) }
            #expect(error.attempts == 4)
            #expect(clock.sleeps == [.seconds(1), .seconds(2), .seconds(4)])
            #expect(!error.outcomeUnknown)
        }
    }

    @Test func waitsOnTheClockUntilItIsAdvanced() async throws {
        let clock = ManualClock()
        try await TestServer.with(script: [.status(504), .json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [RetryMiddleware(policy: Self.policy)], clock: clock)
            let sending = Task { try await client.send(HTTPRequest(.get, "/stream")) }
            await clock.waitForSleepers(1)
            #expect(server.requests.count == 1)
            clock.advance(by: .milliseconds(999))
            #expect(clock.sleeperCount == 1)
            clock.advance(by: .milliseconds(1))
            let response = try await sending.value
            #expect(response.status == 200)
            #expect(server.requests.count == 2)
        }
    }
}
