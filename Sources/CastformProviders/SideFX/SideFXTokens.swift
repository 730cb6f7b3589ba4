import CastformHTTP
import Foundation

/// The application token (client credentials), kept in the credentials file until its
/// `expires_in` so every run reuses it (SideFX asks clients to), fetched again when it has
/// expired or a request was refused with 401. An actor: concurrent requests share one fetch.
actor SideFXTokens: TokenProvider {
    let endpoint: String
    /// The credentials file's entry: one per endpoint (the sandbox's is one, whatever its port).
    let storeKey: String
    let clientID: String
    let clientSecret: String
    let store: CredentialStore
    let clock: any HTTPClock
    let verbose: Bool
    private var cached: (token: String, expiry: Double)?

    init(endpoint: String, storeKey: String, clientID: String, clientSecret: String, store: CredentialStore, clock: any HTTPClock,
         verbose: Bool) {
        self.endpoint = endpoint
        self.storeKey = storeKey
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.store = store
        self.clock = clock
        self.verbose = verbose
    }

    func token() async throws -> String {
        let now = clock.date.timeIntervalSince1970
        if let cached, cached.expiry - 60 > now { return cached.token }
        if let stored = try? store.token(for: storeKey), let entry = Self.parse(stored), entry.expiry - 60 > now {
            cached = entry
            return entry.token
        }
        let fresh = try await fetch()
        cached = fresh
        try? store.store("\(fresh.token) \(fresh.expiry)", for: storeKey)
        return fresh.token
    }

    func invalidate(_ token: String) async {
        if cached?.token == token { cached = nil }
        if let stored = try? store.token(for: storeKey), Self.parse(stored)?.token == token { try? store.remove(storeKey) }
    }

    private func fetch() async throws -> (token: String, expiry: Double) {
        let client = HTTPClient(service: ServiceConfiguration(
            name: "SideFX", baseURL: endpoint,
            middlewares: [RetryMiddleware(policy: .standard), AuthMiddleware(.basic(user: clientID, password: clientSecret))]
                + RequestLogging.middlewares(verbose: verbose),
            secrets: [clientSecret], logger: RequestLogging.logger("sidefx", verbose: verbose), clock: clock))
        do {
            let response = try await client.send(HTTPRequest(.post, "/oauth2/application_token", idempotent: true))
            guard let json = JSONValue(parsing: response.body), let token = json["access_token"]?.string,
                  let lifetime = json["expires_in"]?.number else {
                throw SideFXProblem.tokenRefused(status: response.status, detail: "no access_token and expires_in in the answer")
            }
            return (token, clock.date.timeIntervalSince1970 + lifetime)
        } catch let error as HTTPError {
            throw SideFXProblem.tokenRefused(status: error.status, detail: error.serviceMessage ?? error.message)
        }
    }

    static func parse(_ stored: String) -> (token: String, expiry: Double)? {
        let parts = stored.split(separator: " ")
        guard parts.count == 2, let expiry = Double(parts[1]) else { return nil }
        return (String(parts[0]), expiry)
    }
}
