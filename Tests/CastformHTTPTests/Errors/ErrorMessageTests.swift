import CastformHTTP
import Testing

/// The sentences users read when a service says no, over real HTTP.
@Suite struct ErrorMessageTests {
    @Test func theServicesErrorsArrayIsTheMessage() async throws {
        try await TestServer.with(script: [.json(404, #"{"errors":["not found"]}"#)]) { server in
            let client = makeClient(server.baseURL, name: "Livepeer", errorParser: TestFormats.errorsArray)
            let error = try await httpError { _ = try await client.send(HTTPRequest(.get, "/stream/abc")) }
            #expect(error.message == "Livepeer GET \(server.baseURL)/stream/abc: HTTP 404: not found")
            #expect(error.kind == .status)
            #expect(!error.outcomeUnknown)
        }
    }

    @Test func theServicesMessageWithARedactedToken() async throws {
        let body = #"{"error": {"type": "OAuthException", "message": "An invalid access token was provided"}}"#
        try await TestServer.with(script: [.text(400, body, contentType: "text/javascript")]) { server in
            let client = makeClient(
                server.baseURL,
                name: "Mixcloud",
                middlewares: [AuthMiddleware(.queryParameter("access_token", .fixed("s3cr3t-token")))],
                errorParser: TestFormats.envelope
            )
            var form = MultipartForm()
            form.addField("name", "Deep Sessions #42")
            let error = try await httpError { _ = try await client.send(HTTPRequest(.post, "/upload/", body: .multipart(form))) }
            #expect(error.message == "Mixcloud POST \(server.baseURL)/upload/?access_token=REDACTED: HTTP 400: An invalid access token was provided")
        }
    }

    @Test func anHTMLPageFromAProxyIsReducedToItsTitle() async throws {
        let page = """
            <html>
            <head><title>502 Bad Gateway</title></head>
            <body>
            <center><h1>502 Bad Gateway</h1></center>
            <hr><center>nginx</center>
            </body>
            </html>
            """
        try await TestServer.with(script: [.text(502, page, contentType: "text/html")]) { server in
            let client = makeClient(server.baseURL, name: "Livepeer", errorParser: TestFormats.errorsArray)
            let error = try await httpError { _ = try await client.send(HTTPRequest(.get, "/stream")) }
            #expect(error.message == "Livepeer GET \(server.baseURL)/stream: HTTP 502: 502 Bad Gateway")
            #expect(error.outcomeUnknown)
        }
    }

    @Test func anHTMLPageWithoutTitleIsReducedToText() async throws {
        let page = "<!DOCTYPE html><html><body><script>var x = 1;</script><h1>Service   down</h1>\n<p>Back &amp; running soon.</p></body></html>"
        try await TestServer.with(script: [.text(503, page, contentType: "text/html")]) { server in
            let client = makeClient(server.baseURL, name: "Mixcloud", errorParser: TestFormats.envelope)
            let error = try await httpError { _ = try await client.send(HTTPRequest(.get, "/me/")) }
            #expect(error.serviceMessage == "Service down Back & running soon.")
        }
    }

    @Test func aPlainTextBodyIsTheMessage() async throws {
        try await TestServer.with(script: [.text(500, "upstream connect error or disconnect/reset before headers")]) { server in
            let client = makeClient(server.baseURL, name: "Livepeer", errorParser: TestFormats.errorsArray)
            let error = try await httpError { _ = try await client.send(HTTPRequest(.get, "/stream")) }
            #expect(error.serviceMessage == "upstream connect error or disconnect/reset before headers")
        }
    }

    @Test func anEmptyBodyFallsBackToTheReasonPhrase() async throws {
        try await TestServer.with(script: [.status(503)]) { server in
            let client = makeClient(server.baseURL, name: "Livepeer", errorParser: TestFormats.errorsArray)
            let error = try await httpError { _ = try await client.send(HTTPRequest(.delete, "/stream/1")) }
            #expect(error.message == "Livepeer DELETE \(server.baseURL)/stream/1: HTTP 503 Service Unavailable")
        }
    }

    @Test func aRedirectIsSurfacedWithItsLocation() async throws {
        try await TestServer.with(script: [.status(301, headers: [("Location", "/spartacus/party-time/")])]) { server in
            let client = makeClient(server.baseURL, name: "Mixcloud", errorParser: TestFormats.envelope)
            let error = try await httpError { _ = try await client.send(HTTPRequest(.get, "/spartacus/party-time")) }
            #expect(error.status == 301)
            #expect(error.message == "Mixcloud GET \(server.baseURL)/spartacus/party-time: HTTP 301: redirected to /spartacus/party-time/")
            let response = try await client.send(HTTPRequest(.get, "/spartacus/party-time", accepting: [301]))
            #expect(response.headers["location"] == "/spartacus/party-time/")
        }
    }

    @Test func anAcceptedStatusIsAnAnswerNotAnError() async throws {
        try await TestServer.with(script: [.json(404, #"{"errors":["not found"]}"#)]) { server in
            let client = makeClient(server.baseURL, errorParser: TestFormats.errorsArray)
            let response = try await client.send(HTTPRequest(.get, "/stream/gone", accepting: [404]))
            #expect(response.status == 404)
        }
    }

    @Test func aBodyThatIsNotTheExpectedJSONIsADecodingErrorNamingThePlace() async throws {
        struct Stream: Decodable { var id: String; var profiles: [Profile] }
        struct Profile: Decodable { var name: String; var fps: Int }
        try await TestServer.with(script: [.json(200, #"[{"id": "a", "profiles": [{"name": "720p", "fps": "30"}]}]"#)]) { server in
            let client = makeClient(server.baseURL, name: "Livepeer")
            let response = try await client.send(HTTPRequest(.get, "/stream"))
            let error = try await httpError { _ = try response.decode([Stream].self) }
            #expect(error.message == "Livepeer GET \(server.baseURL)/stream: HTTP 200: unexpected response: expected an integer at [0].profiles[0].fps")
            #expect(error.outcomeUnknown)
        }
    }

    @Test func anHTMLPageWhereJSONWasExpectedIsNotADecoderDump() async throws {
        try await TestServer.with(script: [.text(200, "<html><head><title>Maintenance</title></head></html>", contentType: "text/html")]) { server in
            let client = makeClient(server.baseURL, name: "Mixcloud")
            let response = try await client.send(HTTPRequest(.get, "/me/"))
            let error = try await httpError { _ = try response.json() }
            #expect(error.kind == .decoding("not JSON: Maintenance"))
        }
    }
}
