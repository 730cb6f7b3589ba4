import Foundation
import Hummingbird

extension MixcloudEmulator {
    /// `GET /me/`: the token's user, 200 with the user JSON. (The Python library's mock
    /// answers with a 302 to `/<user>`; what Mixcloud does is [UNK], FACTS.md §5.)
    func me(_ request: Request) async throws -> Response {
        let call = MixcloudRequest(request)
        guard let account = try await viewer(call, required: true) else { throw MixcloudAPIError.invalidToken }
        return await userResponse(account, call: call)
    }

    /// `GET /<user>/`.
    func user(_ request: Request, username: String) async throws -> Response {
        let call = MixcloudRequest(request)
        _ = try await viewer(call, required: false)
        guard let account = await store.read({ $0.account(username: username) }) else { throw MixcloudAPIError.notFound }
        return await userResponse(account, call: call)
    }

    /// `GET /<user>/<slug>/`: the full cloudcast, with description and sections. Published
    /// and unlisted shows are public; drafts and scheduled shows only for their owner's token.
    func cloudcast(_ request: Request, username: String, slug: String) async throws -> Response {
        let call = MixcloudRequest(request)
        let viewer = try await viewer(call, required: false)
        let time = now()
        let found = await store.read { state -> (MixcloudCloudcast, MixcloudAccount)? in
            guard let show = state.cloudcast(owner: username, slug: slug),
                  let owner = state.account(username: show.owner) else { return nil }
            return (show, owner)
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
    func cloudcastList(_ request: Request, username: String) async throws -> Response {
        let call = MixcloudRequest(request)
        _ = try await viewer(call, required: false)
        let paging = try MixcloudPaging(query: call.query)
        let time = now()
        guard let (owner, page) = await store.read({ state -> (MixcloudAccount, MixcloudPaging.Page)? in
            guard let account = state.account(username: username) else { return nil }
            guard let offset = paging.offset else {
                return (account, paging.page(Self.publishedShows(of: account.username, in: state, at: time)))
            }
            let (shows, more) = state.publishedPage(of: account.username, offset: offset, limit: paging.limit, at: time)
            return (account, paging.page(at: offset, shows: shows, more: more))
        }) else { throw MixcloudAPIError.notFound }
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

    private func userResponse(_ account: MixcloudAccount, call: MixcloudRequest) async -> Response {
        let time = now()
        let count = await store.read { $0.publishedCount(of: account.username, at: time) }
        return MixcloudResponse.json(call.json.user(account, cloudcastCount: count, metadata: call.wantsMetadata), callback: call.callback)
    }

    /// Published shows of `username`, newest first (later uploads first within one second),
    /// from the owner's index: the cost is the owner's shows, not the store's.
    static func publishedShows(of username: String, in state: MixcloudState, at time: Date) -> [MixcloudCloudcast] {
        state.shows(of: username).filter { $0.visibility(at: time) == .published }
    }
}
