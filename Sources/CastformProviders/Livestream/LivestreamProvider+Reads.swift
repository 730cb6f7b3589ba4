import CastformCore
import CastformHTTP
import Foundation

/// The four reads, each from the feeds it needs to the attributes its schema declares.
extension LivestreamProvider {
    /// `info` for the metadata, then `livestatus` for `is_live` and the viewer count: the
    /// guide's own samples disagree between the two, and livestatus is the real-time answer.
    func channel(_ channel: String) async throws(LivestreamProblem) -> [String: Value] {
        let info = try await client.feed(channel, "info").channel
        let status = try await client.feed(channel, "livestatus").channel
        let tags = LivestreamFeed.text(info["tags"]).split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var values: [String: Value] = [
            "title": .string(LivestreamFeed.text(info["title"])),
            "description": .string(LivestreamFeed.text(info["description"])),
            "link": .string(LivestreamFeed.text(info["link"])),
            "image_url": .string(LivestreamFeed.text(info["image"]?["url"])),
            "language": .string(LivestreamFeed.text(info["language"])),
            "category": .string(LivestreamFeed.text(info["category"])),
            "tags": .list(tags.map(Value.string)),
            "banner_url": .string(LivestreamFeed.text(info["bannerUrl"])),
            "short_name": .string(LivestreamFeed.text(info["shortName"])),
        ]
        values["is_premium"] = LivestreamFeed.bool(info["isPremium"]).map(Value.bool) ?? .null
        values["is_live"] = (LivestreamFeed.bool(status["isLive"]) ?? LivestreamFeed.bool(info["isLive"])).map(Value.bool) ?? .null
        values["current_viewer_count"] = Self.count(status["currentViewerCount"] ?? info["currentViewerCount"])
        for (attribute, key) in [("viewer_minutes_today", "viewerMinutesToday"), ("viewer_minutes_this_week", "viewerMinutesThisWeek"),
                                 ("viewer_minutes_this_month", "viewerMinutesThisMonth"), ("total_viewer_minutes", "totalViewerMinutes"),
                                 ("total_library_clips", "totalLibraryClips"), ("total_library_recordings", "totalLibraryRecordings")] {
            values[attribute] = Self.count(info[key])
        }
        return values
    }

    /// `listplaylists`: the `directory` tree, depth first, each playlist with its parent's id.
    func playlists(_ channel: String) async throws(LivestreamProblem) -> [String: Value] {
        let feed = try await client.feed(channel, "listplaylists").channel
        var playlists: [Value] = []
        func visit(_ directory: JSONValue, parent: String) {
            let id = LivestreamFeed.attribute("id", of: directory)
            playlists.append(.object([
                "id": .string(id), "title": .string(LivestreamFeed.attribute("title", of: directory)),
                "has_clips": .bool(LivestreamFeed.bool(directory["@hasClips"]) ?? false), "parent_id": .string(parent),
            ]))
            for child in LivestreamFeed.list(directory["directory"]) { visit(child, parent: id) }
        }
        for root in LivestreamFeed.list(feed["directory"]) { visit(root, parent: "") }
        return ["playlists": .list(playlists), "total_clips": Self.count(feed["totalClips"])]
    }

    /// `listclips?id=` for a playlist, `latestclips` otherwise; every page up to `limit`.
    func clips(_ channel: String, playlist: String?, limit: Int) async throws(LivestreamProblem) -> [String: Value] {
        let (items, total) = if let playlist {
            try await client.clipPages(channel, "listclips", query: [("id", playlist)], limit: limit, subject: .playlist(playlist))
        } else {
            try await client.clipPages(channel, "latestclips", query: [], limit: limit, subject: .channel)
        }
        return ["clips": .list(items.map { .object(Self.clip($0)) }), "total_clips": total.map(Value.int) ?? .int(items.count)]
    }

    /// `clipdetails?id=`: a feed of one item.
    func clip(_ channel: String, id: String) async throws(LivestreamProblem) -> [String: Value] {
        let feed = try await client.feed(channel, "clipdetails", query: [("id", id)], subject: .clip(id)).channel
        guard let item = LivestreamFeed.list(feed["item"]).first else { throw .noSuchClip(channel: channel, clip: id) }
        return Self.clip(item)
    }

    /// One `<item>`: the guid is the id; thumbnail and content are attribute-only elements.
    static func clip(_ item: JSONValue) -> [String: Value] {
        [
            "id": .string(LivestreamFeed.text(item["guid"])),
            "title": .string(LivestreamFeed.text(item["title"])),
            "description": .string(LivestreamFeed.text(item["description"])),
            "link": .string(LivestreamFeed.text(item["link"])),
            "pub_date": .string(LivestreamFeed.text(item["pubDate"])),
            "duration": LivestreamFeed.number(item["content"]?["@duration"]).map(Value.number) ?? .null,
            "thumbnail_url": .string(LivestreamFeed.attribute("url", of: item["thumbnail"])),
            "content_url": .string(LivestreamFeed.attribute("url", of: item["content"])),
            "content_type": .string(LivestreamFeed.attribute("type", of: item["content"])),
            "workflow_status": .string(LivestreamFeed.text(item["workflowStatus"])),
            "is_recorded": LivestreamFeed.bool(item["isRecorded"]).map(Value.bool) ?? .null,
        ]
    }

    static func count(_ value: JSONValue?) -> Value {
        LivestreamFeed.int(value).map(Value.int) ?? .null
    }
}
