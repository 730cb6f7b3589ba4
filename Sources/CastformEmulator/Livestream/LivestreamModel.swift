import Foundation

/// A channel as the emulated service stores it: what `info` and `livestatus` show, its
/// playlist tree (flat, each playlist naming its parent), its clips and upcoming events.
public struct LivestreamChannel: Codable, Sendable, Hashable {
    /// The short name (`proshowcase`), as the channel's host carries it.
    public var name: String
    public var title: String
    public var description: String = ""
    public var language: String = "English"
    public var category: String = "Entertainment"
    public var tags: [String] = []
    public var imageURL: String = ""
    public var bannerURL: String = ""
    public var profile: String = ""
    public var isPremium: Bool = false
    public var isLive: Bool = false
    public var currentViewerCount: Int = 0
    public var viewerMinutesToday: Int = 0
    public var viewerMinutesThisWeek: Int = 0
    public var viewerMinutesThisMonth: Int = 0
    public var totalViewerMinutes: Int = 0
    public var created: Date
    /// The root playlist (`_root`) first; every other names its parent.
    public var playlists: [LivestreamPlaylist]
    public var clips: [LivestreamClip] = []
    public var events: [LivestreamEvent] = []

    public init(name: String, title: String, created: Date, rootPlaylistID: String) {
        self.name = name
        self.title = title
        self.created = created
        playlists = [LivestreamPlaylist(id: rootPlaylistID, title: "_root", parentID: nil)]
    }

    public var link: String { "http://www.livestream.com/\(name)" }

    /// Clips newest first, as `latestclips` lists them.
    public var latestClips: [LivestreamClip] { clips.sorted { $0.published > $1.published } }

    public func hasClips(_ playlist: LivestreamPlaylist) -> Bool {
        clips.contains { $0.playlistID == playlist.id }
    }
}

public struct LivestreamPlaylist: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    public var parentID: String?

    public init(id: String, title: String, parentID: String?) {
        self.id = id
        self.title = title
        self.parentID = parentID
    }
}

/// An on-demand clip: `flv_<uuid>` for uploads, `pla_<number>` for recorded live shows.
public struct LivestreamClip: Codable, Sendable, Hashable {
    public var id: String
    public var title: String
    public var description: String = ""
    public var playlistID: String
    public var published: Date
    /// Seconds, with the guide's three decimals at most (`1987.279`).
    public var duration: Double
    public var isRecorded: Bool = false
    public var workflowStatus: String = "Complete"
    public var hasThumbnail: Bool = true
    public var contentType: String = "video/x-flv"

    public init(id: String, title: String, playlistID: String, published: Date, duration: Double) {
        self.id = id
        self.title = title
        self.playlistID = playlistID
        self.published = published
        self.duration = duration
    }
}

/// An upcoming event (`events`): `startDate`/`endDate` as the guide writes them.
public struct LivestreamEvent: Codable, Sendable, Hashable {
    public var title: String
    public var start: Date
    public var end: Date

    public init(title: String, start: Date, end: Date) {
        self.title = title
        self.start = start
        self.end = end
    }
}

/// Everything the emulated service holds.
struct LivestreamState: Codable, Sendable {
    var channels: [String: LivestreamChannel] = [:]
    var sequence = 0

    /// The channel whose host label is `label` (`xmy-channelx`): names are matched as the
    /// host rule escapes them, so `my_channel` answers at `xmy-channelx`.
    func channel(label: String) -> LivestreamChannel? {
        channels.values.first { LivestreamEmulator.label(for: $0.name) == label.lowercased() }
    }

    mutating func nextNumber() -> Int {
        sequence += 1
        return sequence
    }
}
