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
        let listener = try LoopbackRedirect(port: Int(context.environment["MIXCLOUD_REDIRECT_PORT"] ?? "") ?? 0)
        let redirect = "http://127.0.0.1:\(listener.port)/callback"
        let state = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        var url = URLComponents(string: root + "/oauth/authorize")!
        url.queryItems = [.init(name: "client_id", value: clientID), .init(name: "redirect_uri", value: redirect), .init(name: "state", value: state)]
        let authorize = url.string!
        context.say("Open this address to let castform publish on your Mixcloud account:\n\n  \(authorize)\n\nWaiting for Mixcloud to send you back to \(redirect) ...")
        openBrowser(authorize, environment: context.environment)
        let query = try await listener.awaitQuery(timeout: 300, page: "<html><body><p>castform is logged in to Mixcloud. You can close this window.</p></body></html>")
        guard query["state"] == state else { throw LoginFailure("the login answer did not carry castform's state: it was not the answer to this login; run `castform login mixcloud` again") }
        guard let code = query["code"], !code.isEmpty else {
            throw LoginFailure("Mixcloud did not grant access" + (query["error"].map { " (\($0))" } ?? ""))
        }
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

    /// Best effort: `$CASTFORM_BROWSER`, `xdg-open` or `open`; the printed address is enough.
    static func openBrowser(_ url: String, environment: [String: String]) {
        let candidates = [environment["CASTFORM_BROWSER"], "/usr/bin/xdg-open", "/usr/bin/open"].compactMap { $0 }
        guard let program = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
