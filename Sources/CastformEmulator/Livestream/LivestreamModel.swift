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

/// Everything the emulated service holds, kept in an `EmulatorStore`: channels by name (their
/// playlists and clips inside), and the counter that numbers new playlists and clips.
struct LivestreamState: StoreContents {
    var channels = StoreTable<LivestreamChannel>()
    var sequence = 0
    /// Whether `sequence` moved since the journal last took the changes.
    private var sequenceChanged = false

    init() {}

    init(migrating legacy: LivestreamLegacyState) {
        for (name, channel) in legacy.channels { channels[name] = channel }
        sequence = legacy.sequence
    }

    /// The channel whose host label is `label` (`xmy-channelx`): names are matched as the
    /// host rule escapes them, so `my_channel` answers at `xmy-channelx`.
    func channel(label: String) -> LivestreamChannel? {
        channels.values.first { LivestreamEmulator.label(for: $0.name) == label.lowercased() }
    }

    mutating func nextNumber() -> Int {
        sequence += 1
        sequenceChanged = true
        return sequence
    }

    mutating func apply(_ change: LivestreamChange) {
        switch change {
        case .channel(let name, let row): channels[name] = row
        case .sequence(let value): sequence = max(sequence, value)
        }
    }

    mutating func takeChanges() -> [LivestreamChange] {
        var changes = channels.takeChanges().map { LivestreamChange.channel(name: $0.key, row: $0.new) }
        if sequenceChanged { changes.append(.sequence(sequence)) }
        sequenceChanged = false
        return changes
    }

    var snapshot: [LivestreamChange] {
        channels.map { LivestreamChange.channel(name: $0.key, row: $0.value) } + [.sequence(sequence)]
    }

    var rowCount: Int { channels.count + 1 }
}

/// One line of the Livestream emulator's journal: a channel set (or removed when nil), or
/// the counter's new value.
enum LivestreamChange: Codable, Sendable {
    case channel(name: String, row: LivestreamChannel?)
    case sequence(Int)
}

/// A whole-document `livestream.json`, as the first version of this emulator wrote it.
struct LivestreamLegacyState: Decodable {
    var channels: [String: LivestreamChannel]
    var sequence: Int
}
