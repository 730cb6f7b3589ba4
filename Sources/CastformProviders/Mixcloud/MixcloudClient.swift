import CastformCore
import CastformHTTP
import Foundation

/// The few Mixcloud calls castform needs, over one `HTTPClient`: the owner's list (paged by
/// offset), a single cloudcast, the upload and the edit. Paths always end in `/`: Mixcloud
/// answers a path without one with a 301 (FACTS.md §5).
struct MixcloudClient: Sendable {
    let http: HTTPClient
    let owner: MixcloudOwner

    /// The account's username as known now; every caller of a path with it resolves it first
    /// (`resolvedUser()`).
    var user: String { owner.name }

    static let service = "https://api.mixcloud.com"
    /// The largest page the API serves (the emulator's maximum; Mixcloud's is undocumented).
    static let pageSize = 100

    init(baseURL: String, user: String?, token: String, verbose: Bool) {
        let configuration = ServiceConfiguration(
            name: "Mixcloud", baseURL: baseURL,
            middlewares: [RetryMiddleware(policy: .standard), RateLimitMiddleware(RateLimit(maxConcurrent: 8)),
                          AuthMiddleware(.queryParameter("access_token", .fixed(token)))]
                + RequestLogging.middlewares(verbose: verbose),
            // An upload's answer comes only after the server has read gigabytes.
            timeouts: HTTPTimeouts(read: .seconds(900)),
            errorParser: MixcloudErrors.parse, rateLimit: MixcloudErrors.rateLimit, secrets: [token],
            logger: RequestLogging.logger("mixcloud", verbose: verbose))
        http = HTTPClient(service: configuration)
        owner = MixcloudOwner(configured: user)
    }

    /// Every published show of the owner, newest first; the number of requests made.
    ///
    /// Offset pages can be read side by side once the total is known (DESIGN.md §4): the
    /// count `GET /me/` gave this run (when the token is the owner's), or else, after the
    /// first page, the owner's `cloudcast_count`, says how many pages there are, and they are
    /// fetched concurrently (within the client's limit of 8). Shows uploaded meanwhile shift
    /// the offsets: the last page's `next` is followed to the end, and duplicates are dropped.
    /// A show unpublished meanwhile shifts them back, and one show can be skipped: when the
    /// count read does not match what was listed, the list is read once more, from the first
    /// page and a fresh count (a service serving shorter pages than asked is caught the same way).
    func list() async throws -> ([JSONValue], Int) {
        let known = owner.showCountFromLookup(of: try await resolvedUser())
        let (items, requests, total) = try await listOnce(knownTotal: known)
        guard let total, items.count != total else { return (items, requests) }
        let (again, more, _) = try await listOnce(knownTotal: nil)
        return (again, requests + more)
    }

    /// One reading of the list, with the show count it was read against (nil for one page).
    private func listOnce(knownTotal: Int?) async throws -> ([JSONValue], Int, Int?) {
        let pages: [(offset: Int, page: Page)]
        let total: Int
        var requests = 0
        if let knownTotal, knownTotal > Self.pageSize {
            // Every page at once: no first page to wait for, no count to ask.
            total = knownTotal
            pages = try await fetchPages(at: Array(stride(from: 0, to: total, by: Self.pageSize)))
            requests += pages.count
        } else {
            let first = try await page(offset: 0)
            requests += 1
            guard first.hasNext, !first.items.isEmpty else { return (first.items, requests, nil) }
            total = try await showCount()
            requests += 1
            let rest = try await fetchPages(at: Array(stride(from: first.items.count, to: total, by: first.items.count)))
            requests += rest.count
            pages = [(0, first)] + rest
        }
        var items = pages.flatMap(\.page.items)
        guard let tail = pages.last else { return ([], requests, total) }
        var (last, offset) = (tail.page, tail.offset + tail.page.items.count)
        while last.hasNext, !last.items.isEmpty {
            last = try await page(offset: offset)
            requests += 1
            items += last.items
            offset += last.items.count
        }
        var seen = Set<String>()
        return (items.filter { seen.insert(Self.normalisedKey($0["key"]?.string ?? "")).inserted }, requests, total)
    }

    /// The pages at `offsets`, asked for side by side, in offset order.
    private func fetchPages(at offsets: [Int]) async throws -> [(offset: Int, page: Page)] {
        try await withThrowingTaskGroup(of: (Int, Page).self) { group in
            for offset in offsets { group.addTask { (offset, try await page(offset: offset)) } }
            var pages: [(offset: Int, page: Page)] = []
            for try await page in group { pages.append(page) }
            return pages.sorted { $0.offset < $1.offset }
        }
    }

    struct Page: Sendable {
        var items: [JSONValue]
        var hasNext: Bool
    }

    func page(offset: Int) async throws -> Page {
        let user = try await resolvedUser()
        let response = try await http.send(HTTPRequest(.get, "/\(user)/cloudcasts/",
                                                       query: [("limit", String(Self.pageSize)), ("offset", String(offset))]))
        let json = try response.json(keeping: Self.readPageParts)
        return Page(items: json["data"]?.array ?? [], hasNext: json["paging"]?["next"]?.string != nil)
    }

    /// The fields of a list item castform reads (`MixcloudRemote.attributes`, the twin and
    /// recovery search's `ShowWanted`): the rest — a show's pictures, its owner with the
    /// owner's pictures, its counters — is most of the item, and a plan holds 10,000 items
    /// until it compares them. Of each tag only its name is read (not its key, URL and type).
    static let readListFields: [String] = [
        "key", "name", "url", "slug", "created_time", "updated_time", "audio_length", "play_count", "hidden_stats",
    ]

    /// What a list page is parsed into: its items' read fields and whether a next page follows.
    /// The rest is checked as JSON and never built (two thirds of a page's bytes are pictures
    /// and owners).
    static let readPageParts = JSONSelection.members([
        "data": JSONSelection.members(readListFields).adding("tags", .members(["name"])),
        "paging": .members(["next"]),
    ])

    /// How many published shows the owner has (`cloudcast_count` of `GET /<user>/`).
    func showCount() async throws -> Int {
        let user = try await resolvedUser()
        let json = try await http.send(HTTPRequest(.get, "/\(user)/")).json()
        return MixcloudRemote.integer(json["cloudcast_count"]) ?? 0
    }

    /// One cloudcast by key (`/user/slug/`); nil when it does not exist (404).
    func cloudcast(_ key: String) async throws -> JSONValue? {
        let response = try await http.send(HTTPRequest(.get, Self.normalisedKey(key), accepting: [404]))
        return response.status == 404 ? nil : try response.json()
    }

    /// Uploads a show; returns its key.
    func upload(_ form: MultipartForm) async throws -> String {
        let response = try await http.send(HTTPRequest(.post, "/upload/", body: .multipart(form)))
        guard let key = try response.json()["result"]?["key"]?.string else {
            throw MixcloudFailure.unexpected("the upload succeeded but Mixcloud returned no key")
        }
        return Self.normalisedKey(key)
    }

    /// Edits a show's metadata: only the fields given change (tags and sections wholesale).
    func edit(_ key: String, fields: [(String, String)], picture: String?) async throws {
        var form = MultipartForm()
        for (name, value) in fields { form.addField(name, value) }
        if let picture { form.addFile("picture", path: picture, contentType: Self.contentType(picture)) }
        let path = "/upload" + Self.normalisedKey(key) + "edit/"
        _ = try await http.send(HTTPRequest(.post, path, body: .multipart(form), idempotent: true))
    }

    /// `/user/slug/`, whatever slashes the user or the service wrote.
    static func normalisedKey(_ key: String) -> String {
        // Keys the service sends are normalised already: checked in one pass, not rebuilt
        // (a plan of 10,000 shows normalises 30,000 of them).
        if isNormalised(key) { return key }
        let parts = key.split(separator: "/").filter { !$0.isEmpty }
        return "/" + parts.joined(separator: "/") + "/"
    }

    /// `/…/` without an empty part: the bytes looked at once, no copy made.
    private static func isNormalised(_ key: String) -> Bool {
        let slash = UInt8(ascii: "/")
        var count = 0
        var previous: UInt8 = 0
        for byte in key.utf8 {
            if count == 0, byte != slash { return false }
            if byte == slash, previous == slash { return false }
            previous = byte
            count += 1
        }
        return count > 1 && previous == slash
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "mp3": "audio/mpeg"
        default: "application/octet-stream"
        }
    }
}

enum MixcloudFailure: Error, CustomStringConvertible {
    case unexpected(String)
    var description: String {
        switch self { case .unexpected(let text): text }
    }
}
