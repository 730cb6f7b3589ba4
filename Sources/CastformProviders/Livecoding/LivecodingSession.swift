import CastformHTTP
import Foundation

/// The Livecoding.tv login in use: its access token, refreshed once it expires (or a minute
/// before) or after a 401. A refresh spends the refresh token, so it runs under a file lock
/// beside the credentials file, re-reads the file first (another castform may have refreshed
/// already), and stores the new refresh token before the new access token is used: losing it
/// would lock the user out. In the sandbox, no login is needed: the emulator's sandbox code
/// stands for one.
actor LivecodingSession: TokenProvider {
    static let leeway = 60.0
    let endpoint: String
    let storeKey: String
    let store: CredentialStore
    let client: (id: String, secret: String)?
    let sandbox: Bool
    let clock: any HTTPClock
    private var grant: LivecodingGrant?

    init(endpoint: String, store: CredentialStore, client: (id: String, secret: String)?, sandbox: Bool, clock: any HTTPClock) {
        self.endpoint = endpoint
        storeKey = "livecoding@" + (sandbox ? "sandbox" : endpoint)
        self.store = store
        self.client = client
        self.sandbox = sandbox
        self.clock = clock
    }

    func token() async throws -> String {
        if let grant, grant.expiry - Self.leeway > clock.date.timeIntervalSince1970 { return grant.access }
        return try await renew(replacing: grant?.access)
    }

    func invalidate(_ token: String) async {
        if grant?.access == token { grant?.expiry = 0 }
    }

    private func renew(replacing stale: String?) async throws -> String {
        let lock = try CredentialsLock(store.path + ".livecoding.lock")
        defer { lock.release() }
        let stored = LivecodingGrant.load(store, key: storeKey)
        if let stored, stored.access != stale, stored.expiry - Self.leeway > clock.date.timeIntervalSince1970 {
            grant = stored
            return stored.access
        }
        guard let client else { throw LivecodingProblem.noClient }
        let fresh: LivecodingGrant
        if let stored {
            fresh = try await Self.grant(endpoint, client: client, ["grant_type": "refresh_token", "refresh_token": stored.refresh], clock: clock)
        } else if sandbox {
            fresh = try await Self.grant(endpoint, client: client, ["grant_type": "authorization_code", "code": "sandbox-code"], clock: clock)
        } else {
            throw LivecodingProblem.notLoggedIn(credentialsFile: store.path)
        }
        do {
            try fresh.save(store, key: storeKey)
        } catch {
            throw LivecodingProblem.credentialsFile(path: store.path, detail: "\(error)")
        }
        grant = fresh
        return fresh.access
    }

    /// One token-endpoint call. Not retried: a refresh whose answer is lost has spent its
    /// token either way, and sending it again would only be refused.
    static func grant(_ endpoint: String, client: (id: String, secret: String), _ fields: [String: String],
                      clock: any HTTPClock) async throws(LivecodingProblem) -> LivecodingGrant {
        let http = HTTPClient(service: ServiceConfiguration(
            name: "Livecoding.tv", baseURL: endpoint, middlewares: [AuthMiddleware(.basic(user: client.id, password: client.secret))],
            secrets: [client.secret] + fields.values.filter { $0.count > 16 }, clock: clock))
        let response: HTTPResponse
        do {
            response = try await http.send(HTTPRequest(.post, "/o/token/", body: .form(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
                                                       idempotent: false, accepting: [400, 401]))
        } catch let error as HTTPError {
            throw .tokenFailed(status: error.status, detail: error.message)
        } catch {
            throw .tokenFailed(status: nil, detail: "\(error)")
        }
        let json = JSONValue(parsing: response.body)
        if json?["error"]?.string == "invalid_grant" { throw .loginExpired }
        guard response.isSuccess, let json, let grant = LivecodingGrant(json, now: clock.date.timeIntervalSince1970) else {
            throw .tokenFailed(status: response.status, detail: json?["error"]?.string)
        }
        return grant
    }
}
