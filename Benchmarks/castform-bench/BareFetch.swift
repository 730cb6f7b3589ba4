// `bare-fetch` mode, which the e2e benchmark starts as its own child process so that its CPU
// and memory are counted apart: the requests a no-op plan needs, made by the bare client.
//
//   castform-bench bare-fetch MIXCLOUD_URL LIVEPEER_URL [--per-object]
//
// Lists (the floor): Mixcloud's `/me/`, the owner's `cloudcast_count`, then every page of 100
// shows at offsets, eight at a time (castform's limit for Mixcloud), while Livepeer's stream
// list is read by cursor pages of 1,000 — the two services at once, bodies not parsed.
// `--per-object` instead GETs every show and stream one by one, ten at a time (Terraform's
// default parallelism): what a per-resource tool pays. Prints `RESULT <seconds> <requests>`.
import AsyncHTTPClient
import Foundation

enum BareFetch {
    static let user = "deepsessions"
    static let mixcloudClient = BareClient()
    static let livepeerClient = BareClient(headers: [("Authorization", "Bearer livepeer-test-key")])

    static func run(_ arguments: [String]) async throws {
        guard arguments.count >= 2 else { throw BenchError("usage: castform-bench bare-fetch MIXCLOUD_URL LIVEPEER_URL [--per-object]") }
        let (mixcloud, livepeer) = (arguments[0], arguments[1])
        let start = ContinuousClock.now
        if arguments.contains("--per-object") {
            let keys = try await showKeys(mixcloud)
            let ids = try await streams(livepeer, parse: true).ids
            let listed = ContinuousClock.now
            let requests = try await perObject(mixcloud, keys, livepeer, ids)
            print("RESULT \(seconds(ContinuousClock.now - listed)) \(requests)")
        } else {
            async let shows = mixcloudPages(mixcloud)
            async let streamPages = streams(livepeer, parse: false)
            let requests = try await shows.count + 3 + streamPages.requests
            print("RESULT \(seconds(ContinuousClock.now - start)) \(requests)")
        }
    }

    static func mixcloudURL(_ base: String, _ path: String, _ query: String = "") -> String {
        "\(base)\(path)?access_token=mixcloud-test-token\(query)"
    }

    /// Every page of the owner's list (3 more requests: `/me/`, the owner, the first page
    /// before the count is known are the first of them).
    static func mixcloudPages(_ base: String) async throws -> [BareClient.Answer] {
        _ = try await mixcloudClient.send(.GET, mixcloudURL(base, "/me/"))
        let first = try await mixcloudClient.send(.GET, mixcloudURL(base, "/\(user)/cloudcasts/", "&limit=100&offset=0"))
        let owner = try await mixcloudClient.send(.GET, mixcloudURL(base, "/\(user)/"))
        let total = ((owner.json as? [String: Any])?["cloudcast_count"] as? Int) ?? 0
        let pages = try await BareClient.concurrently(Array(stride(from: 100, to: total, by: 100)), width: 8) { offset in
            try await mixcloudClient.send(.GET, mixcloudURL(base, "/\(user)/cloudcasts/", "&limit=100&offset=\(offset)"))
        }
        return [first] + pages
    }

    static func showKeys(_ base: String) async throws -> [String] {
        try await mixcloudPages(base).flatMap { page in
            (((page.json as? [String: Any])?["data"] as? [[String: Any]]) ?? []).compactMap { $0["key"] as? String }
        }
    }

    /// Livepeer's stream list by cursor pages of 1,000; the ids when `parse`.
    static func streams(_ base: String, parse: Bool) async throws -> (ids: [String], requests: Int) {
        var ids: [String] = []
        var requests = 0
        var cursor: String?
        repeat {
            let query = "streamsonly=1&limit=1000" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try await livepeerClient.send(.GET, "\(base)/stream?\(query)")
            requests += 1
            if parse { ids += ((page.json as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String } }
            cursor = page.link.flatMap(nextCursor)
        } while cursor != nil
        return (ids, requests)
    }

    /// The `cursor` of a `Link: <URL>; rel="next"` header.
    static func nextCursor(_ link: String) -> String? {
        let url = link.drop { $0 == "<" }.prefix { $0 != ">" }
        return URLComponents(string: String(url))?.queryItems?.first { $0.name == "cursor" }?.value
    }

    static func perObject(_ mixcloud: String, _ keys: [String], _ livepeer: String, _ ids: [String]) async throws -> Int {
        let urls = keys.map { mixcloudURL(mixcloud, $0) } + ids.map { "\(livepeer)/stream/\($0)" }
        return try await BareClient.concurrently(urls, width: 10) { url in
            try await (url.hasPrefix(mixcloud) ? mixcloudClient : livepeerClient).send(.GET, url)
        }.count
    }
}
