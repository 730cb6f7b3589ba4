import CastformCore
import CastformHTTP

extension MixcloudProvider {
    /// Before a plan's first request: a token exists (or the message says where castform
    /// looked), and it belongs to the account castform.yaml names — or, when it names none,
    /// its owner becomes the account. A token of another account fails here, before anything
    /// is read or uploaded, with both names.
    public func preflight(types: Set<String>) async -> [Diagnostic] {
        guard let client else { return unavailable }
        do {
            let owner = try await client.tokenOwner()
            if !client.tokenMatchesConfiguredUser(owner), let configured = client.owner.configured {
                return [.error("Mixcloud: the access token belongs to the account \(owner), but castform.yaml names \(configured) (providers.mixcloud.user): use a token of \(configured) (castform login mixcloud), or set user: \(owner)", at: nil)]
            }
            client.owner.record(client.owner.configured ?? owner)
            return []
        } catch {
            return [diagnostic(error, doing: "ask Mixcloud whose access token castform has (GET /me/)")]
        }
    }
}
