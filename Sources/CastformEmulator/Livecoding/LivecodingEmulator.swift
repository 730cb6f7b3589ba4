import Crypto
import Foundation
import Hummingbird
import Synchronization

// The Livecoding.tv (LiveEdu) emulator, after reference/OTHER-APIS.md and the verbatim article
// in reference/livecoding/: Django OAuth Toolkit's `/o/authorize/` (auto-approves the test
// user and redirects with `code` and `state`) and `/o/token/` (client auth by Basic, form
// fields or both; codes single-use; every refresh returns a new refresh token and spends the
// old one: reusing it is `{"error": "invalid_grant"}`), and the API's `scheduledbroadcast`
// list (DRF's `count/next/previous/results`, `limit`/`offset`, filters, ordering) with
// `{"detail": …}` errors. Tokens carry a MAC, so a token one castform run cached is valid in
// the next run's emulator; spent refresh tokens are remembered while the emulator runs.
//
// The sandbox's code `sandbox-code` is always accepted, so a sandbox run logs itself in.
// Admin (tests): `POST /_castform/livecoding/expire` ends every access token issued so far;
// `GET /_castform/livecoding/grants` counts refreshes granted and refused.

/// An emulated Livecoding.tv API, to serve with `EmulatorServer`.
public final class LivecodingEmulator: EmulatedService {
    public let name = "livecoding"
    public static let clientID = "castform-sandbox"
    public static let clientSecret = "sandbox-secret"
    public static let sandboxCode = "sandbox-code"
    static let lifetime = 36_000

    let now: @Sendable () -> Date
    let key = "castform-livecoding-emulator"
    let state = Mutex(Grants())

    struct Grants {
        var codes: [String: String] = [:]
        var spent: Set<String> = []
        /// Access tokens issued at or before this millisecond are expired (the admin route moves it).
        var expiredBefore = 0
        var refreshes = 0
        var refused = 0
    }

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    public func addRoutes(to router: Router<EmulatorContext>) {
        addOAuthRoutes(to: router)
        addAPIRoutes(to: router)
    }

    public func faultResponse(status: Int, retryAfter: Int?) -> Response {
        var response = PlainResponses.json(["detail": "injected fault"], status: .init(code: status))
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    public func rateLimitResponse(retryAfter: Int) -> Response {
        faultResponse(status: 429, retryAfter: retryAfter)
    }

    public func inventory() async -> [EmulatedObject] {
        LivecodingSeed.broadcasts.map { EmulatedObject(kind: "scheduledbroadcast", id: String($0.id), name: $0.title, details: ["livestream": $0.livestream]) }
    }

    // MARK: Tokens

    func mac(_ text: String) -> String {
        SHA256.hash(data: Data((key + "|" + text).utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    /// `kind.issued.nonce.scope.mac` (`issued` in milliseconds): access tokens expire
    /// `lifetime` seconds after `issued`.
    func issue(_ kind: String, scope: String) -> String {
        let body = "\(kind).\(Self.milliseconds(now())).\(UUID().uuidString.prefix(8)).\(scope.replacingOccurrences(of: " ", with: "+"))"
        return body + "." + mac(body)
    }

    /// The scope of a valid token of `kind`, or nil.
    func scope(of token: String, kind: String) -> String? {
        let parts = token.split(separator: ".").map(String.init)
        guard parts.count == 5, parts[0] == kind, let issued = Int(parts[1]),
              parts[4] == mac(parts[0...3].joined(separator: ".")) else { return nil }
        if kind == "lca" {
            let expired = state.withLock { $0.expiredBefore }
            guard issued > expired, issued + Self.lifetime * 1000 > Self.milliseconds(now()) else { return nil }
        }
        return parts[3].replacingOccurrences(of: "+", with: " ")
    }

    static func milliseconds(_ date: Date) -> Int {
        Int(date.timeIntervalSince1970 * 1000)
    }
}
