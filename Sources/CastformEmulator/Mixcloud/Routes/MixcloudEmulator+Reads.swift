import Foundation
import Hummingbird

extension MixcloudEmulator {
    /// `GET /me/`: the token's user, 200 with the user JSON. (The Python library's mock
    /// answers with a 302 to `/<user>`; what Mixcloud does is [UNK], FACTS.md §5.)
    func me(_ request: Request) throws -> Response {
        let call = MixcloudRequest(request)
        guard let account = try viewer(call, required: true) else { throw MixcloudAPIError.invalidToken }
        return userResponse(account, call: call)
    }

    /// `GET /<user>/`.
    func user(_ request: Request, username: String) throws -> Response {
        let call = MixcloudRequest(request)
        _ = try viewer(call, required: false)
        guard let account = store.read({ $0.account(username: username) }) else { throw MixcloudAPIError.notFound }
        return userResponse(account, call: call)
    }

    /// `GET /<user>/<slug>/`: the full cloudcast, with description and sections. Published
    /// and unlisted shows are public; drafts and scheduled shows only for their owner's token.
    func cloudcast(_ request: Request, username: String, slug: String) throws -> Response {
        let call = MixcloudRequest(request)
        let viewer = try viewer(call, required: false)
        let time = now()
        let found = store.read { state -> (MixcloudCloudcast, MixcloudAccount)? in
            guard let index = state.cloudcastIndex(owner: username, slug: slug),
                  let owner = state.account(username: state.cloudcasts[index].owner) else { return nil }
            return (state.cloudcasts[index], owner)
        }
        guard let (cloudcast, owner) = found else { throw MixcloudAPIError.notFound }
        let visibility = cloudcast.visibility(at: time)
        guard visibility == .published || visibility == .unlisted || viewer?.username == owner.username else {
            throw MixcloudAPIError.notFound
        }
        return MixcloudResponse.json(call.json.cloudcast(cloudcast, owner: owner, metadata: call.wantsMetadata), callback: call.callback)
    }

    /// `GET /<user>/cloudcasts/`: the user's published shows, newest first, paged; items have
    /// no description and no sections, as on Mixcloud.
    func cloudcastList(_ request: Request, username: String) throws -> Response {
        let call = MixcloudRequest(request)
        _ = try viewer(call, required: false)
        let paging = try MixcloudPaging(query: call.query)
        guard let (owner, shows) = store.read({ state in
            state.account(username: username).map { account in (account, publishedShows(of: account.username, in: state)) }
        }) else { throw MixcloudAPIError.notFound }
        let page = paging.page(shows)
        let link = { (parameters: [(String, String)]) in "\(call.apiRoot)/\(owner.username)/cloudcasts/?\(FormURLEncoded.encode(parameters))" }
        var links: [String: Any] = [:]
        if let next = page.next { links["next"] = link(next) }
        if let previous = page.previous { links["previous"] = link(previous) }
        let body: [String: Any] = [
            "data": page.items.map { call.json.listItem($0, owner: owner) },
            "paging": links,
            "name": "\(owner.name)'s Cloudcasts",
        ]
        return MixcloudResponse.json(body, callback: call.callback)
    }

    private func userResponse(_ account: MixcloudAccount, call: MixcloudRequest) -> Response {
        let count = store.read { publishedShows(of: account.username, in: $0).count }
        return MixcloudResponse.json(call.json.user(account, cloudcastCount: count, metadata: call.wantsMetadata), callback: call.callback)
    }

    /// Published shows of `username`, newest first (later uploads first within one second).
    func publishedShows(of username: String, in state: MixcloudState) -> [MixcloudCloudcast] {
        let time = now()
        return state.cloudcasts
            .filter { $0.owner == username && $0.visibility(at: time) == .published }
            .sorted { ($0.createdTime, $0.sequence) > ($1.createdTime, $1.sequence) }
    }
}
