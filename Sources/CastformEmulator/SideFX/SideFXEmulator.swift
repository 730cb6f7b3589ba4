import Crypto
import Foundation
import Hummingbird
import Synchronization

// The SideFX Web API emulator, after reference/sidefx/ and OTHER-APIS.md: the client-credentials
// token endpoint (`POST /oauth2/application_token`, Basic auth, `{access_token, expires_in}`),
// the RPC endpoint (`POST /api/` with form field `json=[function, args, kwargs]`, Bearer), and
// the signed download URLs `download.get_daily_build_download` hands out (`GET /downloads/...`,
// with Range). Tokens and signatures are checked by their MAC, not stored, so a token cached by
// one castform run is valid in the next run's emulator too.
//
// Admin (tests): `POST /_castform/sidefx/corrupt` makes the next download's body differ by one
// byte; `GET /_castform/sidefx/downloads` counts downloads served whole and by Range.

/// An emulated SideFX Web API, to serve with `EmulatorServer`.
public final class SideFXEmulator: EmulatedService {
    public let name = "sidefx"
    /// The sandbox's application credentials; the emulator accepts these only.
    public static let clientID = "castform-sandbox"
    public static let clientSecret = "sandbox-secret-key"
    static let tokenLifetime = 12 * 3600

    let builds: [SideFXBuild]
    let now: @Sendable () -> Date
    let key = "castform-sidefx-emulator"
    let counters = Mutex(Counters())

    struct Counters {
        var corruptNext = false
        var whole = 0
        var ranged = 0
    }

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        builds = SideFXSeed.builds
        self.now = now
    }

    public func addRoutes(to router: Router<EmulatorContext>) {
        addAPIRoutes(to: router)
    }

    public func faultResponse(status: Int, retryAfter: Int?) -> Response {
        var response = PlainResponses.text("injected fault", status: .init(code: status))
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    public func rateLimitResponse(retryAfter: Int) -> Response {
        faultResponse(status: 429, retryAfter: retryAfter)
    }

    public func inventory() async -> [EmulatedObject] {
        builds.map { EmulatedObject(kind: "build", id: "\($0.product)-\($0.version).\($0.build)-\($0.platform)", name: $0.filename,
                                    details: ["release": $0.release, "status": $0.status]) }
    }

    // MARK: Tokens and signatures

    func mac(_ text: String) -> String {
        SHA256.hash(data: Data((key + "|" + text).utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    func issueToken() -> String {
        let expiry = Int(now().timeIntervalSince1970) + Self.tokenLifetime
        return "sfx1.\(expiry).\(mac("token|\(expiry)"))"
    }

    func isValid(token: String) -> Bool {
        let parts = token.split(separator: ".").map(String.init)
        guard parts.count == 3, parts[0] == "sfx1", let expiry = Int(parts[1]) else { return false }
        return parts[2] == mac("token|\(expiry)") && Double(expiry) > now().timeIntervalSince1970
    }

    /// A download URL's signed part: a new nonce each time, as the real URLs change per read.
    func signature(for filename: String) -> String {
        let nonce = UUID().uuidString.lowercased().prefix(8)
        return "dl1.\(nonce).\(mac("download|\(nonce)|\(filename)"))"
    }

    func isValid(signature: String, filename: String) -> Bool {
        let parts = signature.split(separator: ".").map(String.init)
        return parts.count == 3 && parts[0] == "dl1" && parts[2] == mac("download|\(parts[1])|\(filename)")
    }
}
