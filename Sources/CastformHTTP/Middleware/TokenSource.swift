/// Where an auth middleware gets its secret: a fixed one, or a provider that can renew it.
public enum TokenSource: Sendable {
    /// An API key or a long-lived access token.
    case fixed(String)
    /// A token that expires and can be refreshed (OAuth services), such as `RefreshingToken`.
    case provider(any TokenProvider)

    func token() async throws -> String {
        switch self {
        case .fixed(let token): token
        case .provider(let provider): try await provider.token()
        }
    }
}

/// A token that can be renewed.
public protocol TokenProvider: Sendable {
    /// A currently valid token, refreshing first if the last one expired or was invalidated.
    func token() async throws -> String

    /// Marks `token` as rejected by the service (a 401), so the next `token()` refreshes.
    /// A token other than the current one is ignored: when several requests fail with the same
    /// old token at once, only the first invalidation counts and only one refresh happens.
    func invalidate(_ token: String) async
}
