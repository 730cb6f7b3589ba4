import CastformHTTP
import CastformTestSupport
import Foundation
import NIOConcurrencyHelpers
import Testing

@Suite struct AuthMiddlewareTests {
    @Test func bearerTokenArrivesInTheAuthorizationHeader() async throws {
        try await TestServer.with(script: [.json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [AuthMiddleware(.bearer(.fixed("lp-key-123")))])
            _ = try await client.send(HTTPRequest(.get, "/stream"))
            #expect(server.requests.first?.header("Authorization") == "Bearer lp-key-123")
        }
    }

    @Test func queryParameterTokenArrivesAsAccessToken() async throws {
        try await TestServer.with(script: [.json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [AuthMiddleware(.queryParameter("access_token", .fixed("mc/token+1")))])
            _ = try await client.send(HTTPRequest(.get, "/me/", query: [("metadata", "1")]))
            let request = try #require(server.requests.first)
            #expect(request.query == ["metadata": "1", "access_token": "mc/token+1"])
            #expect(request.header("Authorization") == nil)
        }
    }

    @Test func basicCredentialsArriveBase64Encoded() async throws {
        try await TestServer.with(script: [.json(200, "{}")]) { server in
            let client = makeClient(server.baseURL, middlewares: [AuthMiddleware(.basic(user: "user-1", password: "p@ss:word"))])
            _ = try await client.send(HTTPRequest(.get, "/"))
            let header = try #require(server.requests.first?.header("Authorization"))
            #expect(header.hasPrefix("Basic "))
            let decoded = Data(base64Encoded: String(header.dropFirst("Basic ".count))).map { String(decoding: $0, as: UTF8.self) }
            #expect(decoded == "user-1:p@ss:word")
        }
    }

    @Test func refreshingTokenIsRenewedOnceAfterA401() async throws {
        let refreshes = NIOLockedValueBox(0)
        let token = RefreshingToken(initial: .init(value: "old")) {
            let count = refreshes.withLockedValue { $0 += 1; return $0 }
            return .init(value: "new-\(count)")
        }
        let handler: TestServer.Handler = { request in
            request.header("Authorization") == "Bearer new-1" ? .json(200, #"{"ok": true}"#) : .json(401, #"{"errors": ["no token found"]}"#)
        }
        try await TestServer.with(handler) { server in
            let client = makeClient(server.baseURL, middlewares: [AuthMiddleware(.bearer(.provider(token)))])
            let response = try await client.send(HTTPRequest(.post, "/stream", body: .json(Array("{}".utf8))))
            #expect(response.status == 200)
            #expect(response.attempts == 2)
            #expect(server.requests.map { $0.header("Authorization") } == ["Bearer old", "Bearer new-1"])
            #expect(refreshes.withLockedValue { $0 } == 1)
        }
    }

    @Test func aSecond401IsReturnedWithoutAnotherRefresh() async throws {
        let refreshes = NIOLockedValueBox(0)
        let token = RefreshingToken(initial: .init(value: "old")) {
            refreshes.withLockedValue { $0 += 1 }
            return .init(value: "still-wrong")
        }
        try await TestServer.with(script: [.json(401, #"{"errors": ["request is not authenticated"]}"#)]) { server in
            let client = makeClient(server.baseURL, middlewares: [AuthMiddleware(.bearer(.provider(token)))])
            let error = try await httpError { _ = try await client.send(HTTPRequest(.get, "/stream")) }
            #expect(error.status == 401)
            #expect(server.requests.count == 2)
            #expect(refreshes.withLockedValue { $0 } == 1)
        }
    }

    @Test func aStreamedUploadIsNotResentAfterA401() async throws {
        let token = RefreshingToken(initial: .init(value: "old")) { .init(value: "new") }
        try await TemporaryFile.with(bytes: TemporaryFile.pattern(count: 1000)) { file in
            try await TestServer.with(script: [.json(401, #"{"errors": ["no token old found"]}"#)]) { server in
                let client = makeClient(server.baseURL, middlewares: [AuthMiddleware(.bearer(.provider(token)))])
                var form = MultipartForm()
                form.addFile("mp3", path: file.path)
                _ = try await httpError { _ = try await client.send(HTTPRequest(.put, "/upload/", body: .multipart(form))) }
                #expect(server.requests.count == 1)
            }
        }
    }

    @Test func anExpiredTokenIsRefreshedBeforeTheRequest() async throws {
        let clock = ManualClock()
        let refreshes = NIOLockedValueBox(0)
        let token = RefreshingToken(initial: .init(value: "first", expiresIn: .seconds(3600)), clock: clock, leeway: .seconds(30)) {
            let count = refreshes.withLockedValue { $0 += 1; return $0 }
            return .init(value: "renewed-\(count)", expiresIn: .seconds(3600))
        }
        #expect(try await token.token() == "first")
        clock.advance(by: .seconds(3569))
        #expect(try await token.token() == "first")
        clock.advance(by: .seconds(1))  // within the leeway of the expiry
        #expect(try await token.token() == "renewed-1")
        #expect(refreshes.withLockedValue { $0 } == 1)
    }

    @Test func concurrentCallersShareOneRefresh() async throws {
        let refreshes = NIOLockedValueBox(0)
        let token = RefreshingToken {
            refreshes.withLockedValue { $0 += 1 }
            try await Task.sleep(for: .milliseconds(50))
            return .init(value: "shared")
        }
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<10 { group.addTask { try await token.token() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(tokens == Array(repeating: "shared", count: 10))
        #expect(refreshes.withLockedValue { $0 } == 1)
    }
}
