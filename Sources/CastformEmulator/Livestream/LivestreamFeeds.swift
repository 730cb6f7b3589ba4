import Foundation

/// Each method's answer as a node tree, shaped as the guide's samples (without their slips:
/// every document closed, one XML declaration, URLs on one line).
enum LivestreamFeeds {
    typealias Node = LivestreamFeedNode

    /// `<rss version="2.0">` with the namespaces the method's elements use.
    static func rss(_ channel: Node, media: Bool) -> Node {
        var rss = Node("rss", attributes: [("version", "2.0")], children: [channel])
        rss.namespaces = media ? [Node.mediaNamespace, Node.lsNamespace] : [Node.lsNamespace]
        return rss
    }

    /// The RSS channel elements every feed starts with.
    static func header(_ channel: LivestreamChannel) -> [Node] {
        [
            Node("title", channel.title), Node("link", channel.link), Node("description", channel.description),
            Node("image", children: [Node("url", channel.imageURL)]), Node("language", channel.language),
            Node("category", channel.category), Node("pubDate", LivestreamFormat.date(channel.created)),
        ]
    }

    static func info(_ channel: LivestreamChannel) -> Node {
        let recordings = channel.clips.filter(\.isRecorded).count
        let fields: [Node] = [
            .bool("ls:isPremium", channel.isPremium), .bool("ls:isLive", channel.isLive), Node("ls:shortName", channel.name),
            .number("ls:currentViewerCount", channel.currentViewerCount), .number("ls:viewerMinutesToday", channel.viewerMinutesToday),
            .number("ls:viewerMinutesThisWeek", channel.viewerMinutesThisWeek),
            .number("ls:viewerMinutesThisMonth", channel.viewerMinutesThisMonth),
            .number("ls:totalViewerMinutes", channel.totalViewerMinutes), .number("ls:totalLibraryClips", channel.clips.count),
            .number("ls:totalLibraryRecordings", recordings), Node("ls:tags", channel.tags.joined(separator: ",")),
            Node("ls:profile", channel.profile), Node("ls:links"), Node("ls:bannerUrl", channel.bannerURL),
        ]
        return rss(Node("channel", children: header(channel) + fields), media: false)
    }

    /// A bare `<channel>`: the guide's one RSS-less channel answer.
    static func liveStatus(_ channel: LivestreamChannel) -> Node {
        var root = Node("channel", children: [.bool("ls:isLive", channel.isLive), .number("ls:currentViewerCount", channel.currentViewerCount)])
        root.namespaces = [Node.lsNamespace]
        return root
    }

    static func playlists(_ channel: LivestreamChannel) -> Node {
        func directory(_ playlist: LivestreamPlaylist) -> Node {
            let children = channel.playlists.filter { $0.parentID == playlist.id }.map(directory)
            return Node("ls:directory", attributes: [("id", playlist.id), ("title", playlist.title),
                                                      ("hasClips", channel.hasClips(playlist) ? "true" : "false")], children: children)
        }
        let roots = channel.playlists.filter { $0.parentID == nil }.map(directory)
        return rss(Node("channel", children: header(channel) + [.number("ls:totalClips", channel.clips.count)] + roots), media: true)
    }

    /// A page of clips: `totalClips` counts them all, the items are the page.
    static func clips(_ channel: LivestreamChannel, page: [LivestreamClip], total: Int) -> Node {
        rss(Node("channel", children: header(channel) + [.number("ls:totalClips", total)] + page.map { item($0, channel) }), media: true)
    }

    /// clipdetails: the guide puts `totalClips` after the item.
    static func clipDetails(_ channel: LivestreamChannel, _ clip: LivestreamClip) -> Node {
        rss(Node("channel", children: header(channel) + [item(clip, channel), .number("ls:totalClips", 1)]), media: true)
    }

    static func item(_ clip: LivestreamClip, _ channel: LivestreamChannel) -> Node {
        let url = "http://www.livestream.com/\(channel.name)/ondemand/\(clip.id)"
        var children: [Node] = [
            Node("title", clip.title), Node("description", clip.description), Node("link", url), Node("guid", clip.id),
            Node("ls:workflowStatus", clip.workflowStatus), .bool("ls:isRecorded", clip.isRecorded),
        ]
        if clip.hasThumbnail { children.append(Node("media:thumbnail", attributes: [("url", thumbnailURL(clip, channel, time: 10))])) }
        children.append(Node("media:content", attributes: [("duration", LivestreamFormat.seconds(clip.duration)),
                                                            ("type", clip.contentType), ("url", url)]))
        children.append(Node("pubDate", LivestreamFormat.date(clip.published)))
        return Node("item", children: children)
    }

    static func thumbnailURL(_ clip: LivestreamClip, _ channel: LivestreamChannel, time: Int) -> String {
        let day = LivestreamFormat.event.string(from: clip.published).prefix(10).replacingOccurrences(of: "-", with: "/")
        return "http://thumbnail.api.livestream.com/clipthumbnail/ch\(channel.name)/\(day)/\(clip.id)_\(time).jpg"
    }

    static func thumbnail(_ clip: LivestreamClip, _ channel: LivestreamChannel, time: Int) -> Node {
        var node = Node("media:thumbnail", attributes: [("url", thumbnailURL(clip, channel, time: time))])
        node.namespaces = [Node.mediaNamespace]
        return node
    }

    static func events(_ channel: LivestreamChannel) -> Node {
        let events = channel.events.sorted { $0.start < $1.start }.map { event in
            Node("ls:event", attributes: [("title", event.title), ("startDate", LivestreamFormat.event.string(from: event.start)),
                                          ("endDate", LivestreamFormat.event.string(from: event.end))])
        }
        var root = Node("ls:events", children: events)
        root.namespaces = [Node.lsNamespace]
        return root
    }
}
