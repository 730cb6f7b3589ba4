import Hummingbird

/// What the Mixcloud routes read from every request: the decoded query, the access token and
/// the emulator's own root URL (for `Location`, paging and `metadata` links).
struct MixcloudRequest {
    /// Query parameters; a repeated name keeps its last value.
    let query: [String: String]
    /// "http://127.0.0.1:PORT", from the request's Host.
    let apiRoot: String

    init(_ request: Request) {
        query = Dictionary(FormURLEncoded.parse(request.uri.query ?? ""), uniquingKeysWith: { $1 })
        apiRoot = "http://\(request.head.authority ?? "127.0.0.1")"
    }

    var accessToken: String? {
        query["access_token"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// JSONP: `?callback=fn`.
    var callback: String? { query["callback"] }

    /// `?metadata=1` adds `metadata.connections`.
    var wantsMetadata: Bool { query["metadata"].flatMap(FormValues.boolean) ?? false }

    var json: MixcloudJSON { MixcloudJSON(apiRoot: apiRoot) }
}

extension MixcloudEmulator {
    /// The account of the request's token. A token that is sent must be valid, also on public
    /// reads (what Mixcloud does there is [UNK]; an OAuth resource server rejects it); with
    /// `required`, a missing token is the same 400 "An invalid access token was provided".
    func viewer(_ request: MixcloudRequest, required: Bool) async throws -> MixcloudAccount? {
        guard let token = request.accessToken else {
            if required { throw MixcloudAPIError.invalidToken }
            return nil
        }
        guard let account = await store.read({ $0.account(token: token) }) else { throw MixcloudAPIError.invalidToken }
        return account
    }
}
