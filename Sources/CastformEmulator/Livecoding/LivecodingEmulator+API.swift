import Foundation
import Hummingbird

/// The API: `scheduledbroadcast/` as DRF lists it, with and without the trailing slash (the
/// article calls it without).
extension LivecodingEmulator {
    func addAPIRoutes(to router: Router<EmulatorContext>) {
        router.get("api/scheduledbroadcast") { [self] request, _ in broadcasts(request) }
        router.get("api/v1/scheduledbroadcast") { [self] request, _ in broadcasts(request) }
        router.get("api/livestreams/:slug") { [self] request, context in stream(request, slug: context.parameters.get("slug") ?? "") }
        router.get("api/v1/livestreams/:slug") { [self] request, context in stream(request, slug: context.parameters.get("slug") ?? "") }
    }

    /// DRF's refusal for a request without a valid token with the `read` scope, or nil.
    private func refusal(_ request: Request) -> Response? {
        let authorization = request.headers[.authorization] ?? ""
        guard authorization.lowercased().hasPrefix("bearer ") else {
            return PlainResponses.json(["detail": "Authentication credentials were not provided."], status: .unauthorized)
        }
        guard let scope = scope(of: String(authorization.dropFirst(7)), kind: "lca") else {
            return PlainResponses.json(["detail": "Invalid token."], status: .unauthorized)
        }
        guard scope.split(separator: " ").contains("read") else {
            return PlainResponses.json(["detail": "You do not have permission to perform this action. Missing scope: read"], status: .forbidden)
        }
        return nil
    }

    private func stream(_ request: Request, slug: String) -> Response {
        if let refusal = refusal(request) { return refusal }
        guard let stream = LivecodingSeed.streams.first(where: { $0.slug == slug }) else {
            return PlainResponses.json(["detail": "Not found."], status: .notFound)
        }
        return PlainResponses.json(stream.json(base: "http://" + (request.head.authority ?? "127.0.0.1")))
    }

    private func broadcasts(_ request: Request) -> Response {
        if let refusal = refusal(request) { return refusal }
        let query = request.uri.queryParameters
        var items = LivecodingSeed.broadcasts
        if let slug = query.get("livestream") { items = items.filter { $0.livestream == slug } }
        if let category = query.get("coding_category") { items = items.filter { $0.category == category } }
        let ordering = query.get("ordering") ?? "start_time"
        items.sort { ordering.hasSuffix("id") ? $0.id < $1.id : $0.start < $1.start }
        if ordering.hasPrefix("-") { items.reverse() }
        let limit = max(1, min(Int(query.get("limit") ?? "") ?? 100, 1000))
        let offset = max(0, Int(query.get("offset") ?? "") ?? 0)
        let page = items.dropFirst(offset).prefix(limit)
        let base = "http://" + (request.head.authority ?? "127.0.0.1") + request.uri.path
        func link(_ start: Int) -> Any {
            var parts = URLComponents(string: base)!
            parts.queryItems = [.init(name: "limit", value: String(limit)), .init(name: "offset", value: String(start))]
                + ["livestream", "coding_category", "ordering"].compactMap { name in query.get(name).map { .init(name: name, value: $0) } }
            return parts.string ?? NSNull()
        }
        return PlainResponses.json([
            "count": items.count,
            "next": offset + limit < items.count ? link(offset + limit) : NSNull(),
            "previous": offset > 0 ? link(max(0, offset - limit)) : NSNull(),
            "results": page.map { $0.json(base: "http://" + (request.head.authority ?? "127.0.0.1")) },
        ])
    }
}

/// One scheduled broadcast of the seed.
struct LivecodingBroadcast: Sendable {
    var id: Int
    var title: String
    var livestream: String
    var category: String
    var difficulty: String
    var start: String

    func json(base: String) -> [String: Any] {
        ["id": id, "title": title, "livestream": "\(base)/api/livestreams/\(livestream)/", "coding_category": category,
         "difficulty": difficulty, "start_time": start, "start_time_original_timezone": start, "original_timezone": "UTC",
         "is_featured": false, "is_recurring": false]
    }
}

/// The sandbox's streamers and their upcoming broadcasts: three of `deepsessions`, two of
/// `codewithme` (who is live).
enum LivecodingSeed {
    static let streams = [
        LivecodingStream(slug: "deepsessions", title: "Deep Sessions: code and music", isLive: false, viewers: 0),
        LivecodingStream(slug: "codewithme", title: "Code with me", isLive: true, viewers: 42),
    ]

    static let broadcasts = [
        LivecodingBroadcast(id: 101, title: "Building a synth in Swift", livestream: "deepsessions", category: "Swift", difficulty: "intermediate", start: "2026-12-10T19:00:00Z"),
        LivecodingBroadcast(id: 102, title: "Live-coding a drum machine", livestream: "deepsessions", category: "Swift", difficulty: "beginner", start: "2026-12-17T19:00:00Z"),
        LivecodingBroadcast(id: 103, title: "DSP for DJs", livestream: "deepsessions", category: "C++", difficulty: "expert", start: "2026-12-24T19:00:00Z"),
        LivecodingBroadcast(id: 201, title: "Rust on the web", livestream: "codewithme", category: "Rust", difficulty: "intermediate", start: "2026-12-11T17:00:00Z"),
        LivecodingBroadcast(id: 202, title: "Parsing YAML by hand", livestream: "codewithme", category: "Rust", difficulty: "expert", start: "2026-12-18T17:00:00Z"),
    ]
}

/// A streamer's live stream, as `livestreams/{slug}/` gives it.
struct LivecodingStream: Sendable {
    var slug: String
    var title: String
    var isLive: Bool
    var viewers: Int

    func json(base: String) -> [String: Any] {
        ["url": "\(base)/api/livestreams/\(slug)/", "user": "\(base)/api/users/\(slug)/", "user__slug": slug, "title": title,
         "description": "Coding music tools, live.", "coding_category": "Swift", "difficulty": "intermediate", "language": "English",
         "tags": "swift,audio", "is_live": isLive, "viewers_live": viewers, "viewing_urls": ["\(base)/live/\(slug)/index.m3u8"],
         "thumbnail_url": "\(base)/thumbnails/\(slug).jpg", "embed_url": "\(base)/\(slug)/embed/"]
    }
}
