@testable import CastformEmulator
import Foundation
import Testing

/// The OAuth dance: authorize approves at once and redirects with code and state; the code
/// is exchanged once for a token that then works on the API.
@Suite struct MixcloudOAuthTests {
    let client = MixcloudOAuthClient.test
    let redirect = "http://localhost:8765/callback"

    func authorize(_ http: MixcloudTestClient, state: String = "xyz 1/2") async throws -> String {
        let query = FormURLEncoded.encode([("client_id", client.id), ("redirect_uri", redirect), ("state", state)])
        let reply = try await http.get("/oauth/authorize?\(query)")
        #expect(reply.status == 302)
        let location = try #require(reply.header("Location"))
        #expect(location.hasPrefix(redirect + "?code="))
        let parameters = Dictionary(FormURLEncoded.parse(String(location.split(separator: "?")[1])), uniquingKeysWith: { $1 })
        #expect(parameters["state"] == state)
        return try #require(parameters["code"])
    }

    @Test func codeForTokenThenTheTokenWorks() async throws {
        let emulator = MixcloudEmulator()
        try await withMixcloud(emulator) { http, _ in
            let code = try await authorize(http)
            let exchange = FormURLEncoded.encode([("client_id", client.id), ("redirect_uri", redirect), ("client_secret", client.secret), ("code", code)])
            let reply = try await http.get("/oauth/access_token?\(exchange)")
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "text/javascript; charset=utf-8")
            let token = try #require(reply.json["access_token"] as? String)
            #expect(try await http.get("/me/?access_token=\(token)").json["username"] as? String == "deepsessions")
            // A code works once.
            let again = try await http.get("/oauth/access_token?\(exchange)")
            #expect(again.status == 400 && again.errorType == "OAuthException")
        }
    }

    @Test func postExchangeWithAFormBody() async throws {
        try await withMixcloud { http, _ in
            let code = try await authorize(http, state: "s")
            let reply = try await http.postURLEncoded("/oauth/access_token", fields: [
                ("client_id", client.id), ("redirect_uri", redirect), ("client_secret", client.secret), ("code", code),
            ])
            #expect(reply.status == 200 && reply.json["access_token"] is String)
        }
    }

    @Test func badRequestsAre400() async throws {
        try await withMixcloud { http, _ in
            #expect(try await http.get("/oauth/authorize?client_id=unknown&redirect_uri=http://x/").status == 400)
            #expect(try await http.get("/oauth/authorize?client_id=\(client.id)").status == 400)
            let code = try await authorize(http)
            for (secret, uri, code) in [("wrong", redirect, code), (client.secret, "http://elsewhere/", code), (client.secret, redirect, "nope")] {
                let query = FormURLEncoded.encode([("client_id", client.id), ("redirect_uri", uri), ("client_secret", secret), ("code", code)])
                let reply = try await http.get("/oauth/access_token?\(query)")
                #expect(reply.status == 400 && reply.errorType == "OAuthException", "\(secret) \(uri) \(code)")
            }
        }
    }
}
