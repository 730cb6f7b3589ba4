import CastformHTTP
import Testing

@Suite struct RedactionTests {
    @Test func registeredSecretsAreReplacedAlsoPercentEncoded() {
        let redactor = Redactor(secrets: ["key/with+chars"])
        #expect(redactor.redact("no token key/with+chars found") == "no token REDACTED found")
        #expect(redactor.redact("https://x/?k=key%2Fwith%2Bchars") == "https://x/?k=REDACTED")
    }

    @Test func credentialQueryValuesAreReplacedWithoutBeingRegistered() {
        let redactor = Redactor()
        #expect(redactor.redact("https://api.mixcloud.com/upload/?access_token=abc123&x=1") == "https://api.mixcloud.com/upload/?access_token=REDACTED&x=1")
        #expect(redactor.redact("GET /me/?metadata=1&ACCESS_TOKEN=zzz") == "GET /me/?metadata=1&ACCESS_TOKEN=REDACTED")
        #expect(redactor.redact("oauth/access_token?client_id=a&client_secret=b&code=c") == "oauth/access_token?client_id=a&client_secret=REDACTED&code=REDACTED")
        #expect(redactor.redact("my_access_token=1") == "my_access_token=1")
    }

    @Test func aLongerSecretContainingAShorterOneIsReplacedWhole() {
        let redactor = Redactor(secrets: ["abcd", "abcd-efgh-ijkl"])
        #expect(redactor.redact("key abcd-efgh-ijkl") == "key REDACTED")
    }

    @Test func anAPIKeyEchoedByTheServiceNeverReachesTheMessage() async throws {
        try await TestServer.with(script: [.json(401, #"{"errors":["no token lp-secret-key found"]}"#)]) { server in
            let client = makeClient(
                server.baseURL,
                name: "Livepeer",
                middlewares: [AuthMiddleware(.bearer(.fixed("lp-secret-key")))],
                errorParser: TestFormats.errorsArray
            )
            let error = try await httpError { _ = try await client.send(HTTPRequest(.get, "/stream")) }
            #expect(error.message == "Livepeer GET \(server.baseURL)/stream: HTTP 401: no token REDACTED found")
        }
    }

    @Test func logsNeverShowTokensOrAuthorizationHeaders() async throws {
        let (logger, capture) = LogCapture.logger(level: .trace)
        try await TestServer.with(script: [.status(503), .json(200, "{}")]) { server in
            let client = makeClient(
                server.baseURL,
                name: "Mixcloud",
                middlewares: [
                    RetryMiddleware(policy: RetryPolicy(baseDelay: .seconds(1), jitter: .none)),
                    AuthMiddleware(.queryParameter("access_token", .fixed("mc-token-xyz"))),
                    AuthMiddleware(.bearer(.fixed("bearer-token-xyz"))),
                    LoggingMiddleware(),
                ],
                logger: logger
            )
            _ = try await client.send(HTTPRequest(.get, "/me/", headers: ["X-Trace": "bearer-token-xyz"]))
        }
        let text = capture.text
        #expect(!text.contains("mc-token-xyz"))
        #expect(!text.contains("bearer-token-xyz"))
        #expect(text.contains("/me/?access_token=REDACTED"))
        #expect(text.contains("Authorization: REDACTED"))
        #expect(text.contains("X-Trace: REDACTED"))
        #expect(text.contains("← 503 GET"))
        #expect(text.contains("retrying after HTTP 503"))
        #expect(text.contains("← 200 GET"))
    }

    @Test func theDebugLevelLogsRequestLinesOnly() async throws {
        let (logger, capture) = LogCapture.logger(level: .debug)
        try await TestServer.with(script: [.json(404, "{}")]) { server in
            let client = makeClient(server.baseURL, name: "Livepeer", middlewares: [LoggingMiddleware()], logger: logger)
            _ = try? await client.send(HTTPRequest(.get, "/stream/x", headers: ["Accept": "application/json"]))
        }
        let lines = capture.lines.withLockedValue { $0 }
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("debug → GET http://127.0.0.1:") == true)
        #expect(lines.last?.contains("← 404 GET") == true)
    }
}
