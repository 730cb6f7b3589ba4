import CastformHTTP
import Foundation
import Testing

@Suite struct HTTPRequestTests {
    @Test func idempotencyFollowsTheMethodUnlessOverridden() {
        #expect(HTTPMethod.allCases.filter(\.isIdempotent) == [.get, .head, .put, .delete, .options])
        #expect(!HTTPRequest(.post, "/stream").idempotent)
        #expect(HTTPRequest(.post, "/stream", idempotent: true).idempotent)
        #expect(!HTTPRequest(.get, "/stream", idempotent: false).isRetryable)
    }

    @Test func urlsEncodePathAndQueryBelowTheBase() {
        let request = HTTPRequest(.get, "/upload/dj name/edit/", query: [("tags", "deep & soulful=house+"), ("limit", "20")])
        #expect(request.url(relativeTo: "https://livepeer.studio/api/") == "https://livepeer.studio/api/upload/dj%20name/edit/?tags=deep%20%26%20soulful%3Dhouse%2B&limit=20")
        #expect(HTTPRequest(.get, "me/").url(relativeTo: "https://api.mixcloud.com") == "https://api.mixcloud.com/me/")
    }

    @Test func formAndJSONBodiesArriveAsSent() async throws {
        struct Stream: Encodable { var name: String; var record: Bool }
        try await TestServer.with(script: [.json(200, "{}")]) { server in
            let client = makeClient(server.baseURL)
            _ = try await client.send(HTTPRequest(.post, "/form", body: .form([("name", "Deep & Soulful"), ("unlisted", "1")])))
            _ = try await client.send(HTTPRequest(.post, "/json", body: try .json(encoding: Stream(name: "Main Stage", record: true))))
            let requests = server.requests
            #expect(requests[0].header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(requests[0].text == "name=Deep%20%26%20Soulful&unlisted=1")
            #expect(requests[1].header("Content-Type") == "application/json")
            let decoded = try JSONSerialization.jsonObject(with: Data(requests[1].body)) as? [String: Any]
            #expect(decoded?["name"] as? String == "Main Stage")
            #expect(decoded?["record"] as? Bool == true)
        }
    }

    @Test func headerFieldsAreCaseInsensitive() {
        var headers: HeaderFields = ["Content-Type": "text/plain", "X-Total-Count": "3"]
        #expect(headers["content-type"] == "text/plain")
        headers["CONTENT-TYPE"] = "application/json"
        #expect(headers.values(for: "Content-Type") == ["application/json"])
        headers.add("Link", "<a>; rel=\"next\"")
        headers.add("link", "<b>; rel=\"prev\"")
        #expect(headers.values(for: "LINK").count == 2)
    }
}
