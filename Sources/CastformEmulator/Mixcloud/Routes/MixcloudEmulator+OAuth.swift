import Foundation
import Hummingbird

extension MixcloudEmulator {
    /// How long an authorisation code stays valid. Mixcloud documents none; ten minutes is
    /// what OAuth 2.0 (RFC 6749 §4.1.2) recommends as a maximum.
    static let authorizationCodeLifetime: TimeInterval = 600

    /// `GET /oauth/authorize?client_id=&redirect_uri=[&state=]`: there is no one to ask, so
    /// the first account approves at once; 302 to `redirect_uri?code=...&state=...`.
    ///
    /// Mixcloud shows HTML pages for a bad request here; the emulator answers 400 in the API's
    /// error shape, which a test can read.
    func authorize(_ request: Request) async throws -> Response {
        let query = MixcloudRequest(request).query
        guard query["client_id"] == oauthClient.id else { throw MixcloudAPIError.oauth("Invalid client_id") }
        guard let redirectURI = query["redirect_uri"], let url = URL(string: redirectURI), url.scheme != nil else {
            throw MixcloudAPIError.oauth("A valid redirect_uri is required")
        }
        let code = Self.randomHex(bytes: 16)
        let time = now()
        let client = oauthClient
        try await store.mutate { state in
            guard let account = state.accounts.first else { throw MixcloudAPIError.oauth("No account can authorize") }
            state.authorizationCodes.removeAll { $0.expires < time }
            state.authorizationCodes.append(.init(code: code, clientID: client.id, redirectURI: redirectURI,
                                                  username: account.username, expires: time + Self.authorizationCodeLifetime))
        }
        var parameters = [("code", code)]
        if let state = query["state"] { parameters.append(("state", state)) }
        let separator = redirectURI.contains("?") ? "&" : "?"
        return MixcloudResponse.redirect(to: redirectURI + separator + FormURLEncoded.encode(parameters), status: 302)
    }

    /// `GET|POST /oauth/access_token` with `client_id`, `client_secret`, `redirect_uri` (the
    /// one given to authorize) and `code`, in the query or a form body: issues a new token for
    /// the approving account. A code works once.
    func accessToken(_ request: Request) async throws -> Response {
        var parameters = MixcloudRequest(request).query
        if request.method == .post {
            let body = try await request.body.collect(upTo: 64 * 1024)
            for (name, value) in FormURLEncoded.parse(String(buffer: body)) { parameters[name] = value }
        }
        guard parameters["client_id"] == oauthClient.id, parameters["client_secret"] == oauthClient.secret else {
            throw MixcloudAPIError.oauth("Invalid client_id or client_secret")
        }
        let token = "mc-" + Self.randomHex(bytes: 20)
        let time = now()
        try await store.mutate { [parameters] state in
            guard let index = state.authorizationCodes.firstIndex(where: { $0.code == parameters["code"] && $0.expires >= time }) else {
                throw MixcloudAPIError.oauth("Invalid or expired authorization code")
            }
            let grant = state.authorizationCodes[index]
            guard grant.redirectURI == parameters["redirect_uri"] else {
                throw MixcloudAPIError.oauth("redirect_uri does not match the one used to authorize")
            }
            guard let account = state.accounts.firstIndex(where: { $0.username == grant.username }) else {
                throw MixcloudAPIError.oauth("The authorizing account no longer exists")
            }
            state.authorizationCodes.remove(at: index)
            state.accounts[account].tokens.append(token)
        }
        return MixcloudResponse.json(["access_token": token])
    }

    static func randomHex(bytes: Int) -> String {
        (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}
