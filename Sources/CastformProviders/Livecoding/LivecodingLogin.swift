import CastformCore
import CastformHTTP
import Foundation

/// `castform login livecoding`: the authorization-code flow with a loopback redirect, as for
/// Mixcloud: the browser approves, Livecoding.tv redirects to 127.0.0.1 with `code` and the
/// `state` castform made (checked), the code is exchanged, and the login (access and refresh
/// tokens, expiry, scopes) and the application's credentials are stored (0600).
enum LivecodingLogin {
    static let scopes = "read"

    @Sendable static func run(_ context: LoginContext) async throws -> String {
        guard let id = context.environment["LIVECODING_CLIENT_ID"], let secret = context.environment["LIVECODING_CLIENT_SECRET"],
              !id.isEmpty, !secret.isEmpty else {
            throw LoginFailure("set LIVECODING_CLIENT_ID and LIVECODING_CLIENT_SECRET to your application's (https://www.livecoding.tv/developer/applications/)")
        }
        let endpoint = context.endpoint ?? LivecodingProvider.defaultEndpoint
        let listener = context.noBrowser ? nil : try LoopbackRedirect(port: Int(context.environment["LIVECODING_REDIRECT_PORT"] ?? "") ?? 0)
        let redirect = "http://127.0.0.1:\(listener?.port ?? 8765)/callback"
        let state = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        var url = URLComponents(string: endpoint + "/o/authorize/")!
        url.queryItems = [.init(name: "response_type", value: "code"), .init(name: "client_id", value: id),
                          .init(name: "redirect_uri", value: redirect), .init(name: "scope", value: scopes), .init(name: "state", value: state)]
        let query: [String: String]
        if let listener {
            context.say("Open this address to let castform read Livecoding.tv:\n\n  \(url.string!)\n\nWaiting for Livecoding.tv to send you back to \(redirect) ...")
            MixcloudLogin.openBrowser(url.string!, environment: context.environment)
            query = try await listener.awaitQuery(timeout: 300, page: "<html><body><p>castform is logged in to Livecoding.tv. You can close this window.</p></body></html>")
        } else {
            context.say("Open this address in a browser on any machine and approve:\n\n  \(url.string!)\n\nThe browser is then sent to \(redirect)?code=... (the page will not load: that is expected).")
            let pasted = context.ask("Paste that address here: ") ?? ""
            query = Dictionary((URLComponents(string: pasted.trimmingCharacters(in: .whitespaces))?.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { $1 }
        }
        guard query["state"] == state else { throw LoginFailure("the login answer did not carry castform's state; run `castform login livecoding` again") }
        guard let code = query["code"], !code.isEmpty else { throw LoginFailure("Livecoding.tv did not grant access" + (query["error"].map { " (\($0))" } ?? "")) }
        let grant: LivecodingGrant
        do {
            grant = try await LivecodingSession.grant(endpoint, client: (id, secret), ["grant_type": "authorization_code", "code": code,
                                                                                       "redirect_uri": redirect], clock: SystemClock())
        } catch {
            throw LoginFailure("\(error.message); nothing stored")
        }
        try grant.save(context.store, key: "livecoding@" + endpoint)
        try context.store.store(id + ":" + secret, for: "livecoding-client")
        return "Logged in to Livecoding.tv (scopes: \(grant.scope)); the login is stored in \(context.store.path)."
    }
}
