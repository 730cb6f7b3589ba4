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
        let (code, redirect) = try await BrowserAuthorization.code(
            context, .init(name: "Livecoding.tv", purpose: "read Livecoding.tv", command: "castform login livecoding",
                           portVariable: "LIVECODING_REDIRECT_PORT"),
            authorize: endpoint + "/o/authorize/",
            parameters: [.init(name: "response_type", value: "code"), .init(name: "client_id", value: id), .init(name: "scope", value: scopes)])
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
