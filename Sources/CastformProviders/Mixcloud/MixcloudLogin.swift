import CastformCore
import CastformHTTP
import Foundation

/// `castform login mixcloud`: OAuth's authorization-code flow for a command-line app
/// (FACTS.md §1). The user approves in the browser; Mixcloud redirects to a loopback port
/// castform listens on; castform checks `state` (so another page cannot inject a code),
/// exchanges the code for a token, and stores the token in the credentials file (0600).
///
/// The application's id and secret come from MIXCLOUD_CLIENT_ID and MIXCLOUD_CLIENT_SECRET
/// (register one at https://www.mixcloud.com/developers/create/).
enum MixcloudLogin {
    static let web = "https://www.mixcloud.com"

    @Sendable static func run(_ context: LoginContext) async throws -> String {
        guard let clientID = context.environment["MIXCLOUD_CLIENT_ID"], let secret = context.environment["MIXCLOUD_CLIENT_SECRET"] else {
            throw LoginFailure("set MIXCLOUD_CLIENT_ID and MIXCLOUD_CLIENT_SECRET to your Mixcloud application's (https://www.mixcloud.com/developers/create/), or set MIXCLOUD_ACCESS_TOKEN instead of logging in")
        }
        let root = context.endpoint ?? web
        let (code, redirect) = try await BrowserAuthorization.code(
            context, .init(name: "Mixcloud", purpose: "publish on your Mixcloud account", command: "castform login mixcloud",
                           portVariable: "MIXCLOUD_REDIRECT_PORT"),
            authorize: root + "/oauth/authorize", parameters: [.init(name: "client_id", value: clientID)])
        let token = try await exchange(code: code, root: root, clientID: clientID, secret: secret, redirect: redirect)
        try context.store.store(token, for: "mixcloud")
        return "Logged in to Mixcloud; the token is stored in \(context.store.path)."
    }

    /// The docs say the answer is `access_token=...`; clients read JSON. Both are accepted.
    static func exchange(code: String, root: String, clientID: String, secret: String, redirect: String) async throws -> String {
        let client = HTTPClient(service: ServiceConfiguration(name: "Mixcloud", baseURL: root, errorParser: MixcloudErrors.parse, rateLimit: MixcloudErrors.rateLimit,
                                                              secrets: [secret, code]))
        let response = try await client.send(HTTPRequest(.post, "/oauth/access_token", body: .form([
            ("client_id", clientID), ("redirect_uri", redirect), ("client_secret", secret), ("code", code),
        ])))
        if let token = JSONValue(parsing: response.body)?["access_token"]?.string { return token }
        let items = URLComponents(string: "?" + response.text.trimmingCharacters(in: .whitespacesAndNewlines))?.queryItems ?? []
        guard let token = items.first(where: { $0.name == "access_token" })?.value, !token.isEmpty else {
            throw LoginFailure("Mixcloud's token answer carried no access_token")
        }
        return token
    }
}
