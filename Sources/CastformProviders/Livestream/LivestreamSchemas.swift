import CastformCore

/// Livestream's Channel API 2.0, read as data sources (no authentication): a channel's info
/// and live status, its playlist tree, its clips, and one clip.
public enum LivestreamSchemas {
    /// Every type names its channel the same way: the short name the host is made of.
    static let channelName = Attribute(
        "channel", .string, .required, constraints: [.length(min: 1, max: LivestreamHost.maxNameLength)],
        summary: "The channel's short name, as in http://x<name>x.api.channel.livestream.com/2.0.")

    /// A name that cannot become a host name would fail on every run; `validate` says so first.
    static let channelRule = ObjectRule.custom(CustomRule("channel name makes a host name", check: LivestreamHost.checkName))

    public static let channel = ResourceTypeSchema(
        name: "livestream_channel",
        mode: .data,
        provider: "livestream",
        summary: "A Livestream channel's metadata (info) and live status (livestatus).",
        body: ObjectSchema([
            channelName,
            Attribute("title", .string, .computed, summary: "The channel's full name."),
            Attribute("description", .string, .computed),
            Attribute("link", .string, .computed, summary: "The channel's page."),
            Attribute("image_url", .string, .computed),
            Attribute("language", .string, .computed),
            Attribute("category", .string, .computed),
            Attribute("tags", .list(.string), .computed, summary: "ls:tags, split at commas."),
            Attribute("banner_url", .string, .computed),
            Attribute("short_name", .string, .computed),
            Attribute("is_premium", .bool, .computed),
            Attribute("is_live", .bool, .computed, summary: "From livestatus, the real-time answer."),
            Attribute("current_viewer_count", .int, .computed, summary: "From livestatus."),
            Attribute("viewer_minutes_today", .int, .computed, summary: "Viewer minutes in the last 24 hours."),
            Attribute("viewer_minutes_this_week", .int, .computed, summary: "Viewer minutes in the last 7 days."),
            Attribute("viewer_minutes_this_month", .int, .computed, summary: "Viewer minutes in the last 30 days."),
            Attribute("total_viewer_minutes", .int, .computed),
            Attribute("total_library_clips", .int, .computed, summary: "On-demand clips."),
            Attribute("total_library_recordings", .int, .computed, summary: "Recorded on-demand clips."),
        ], rules: [channelRule])
    ).documented(fields: nil, example: """
        data:
          livestream_channel:
            showcase: {channel: proshowcase}

        livepeer_stream:
          restream: {name: "${data.livestream_channel.showcase.title}"}
        """)

    static let playlist = ObjectSchema([
        Attribute("id", .string, .computed),
        Attribute("title", .string, .computed),
        Attribute("has_clips", .bool, .computed),
        Attribute("parent_id", .string, .computed, summary: "The enclosing playlist's id; empty for the root (\"_root\")."),
    ])

    public static let playlists = ResourceTypeSchema(
        name: "livestream_playlists",
        mode: .data,
        provider: "livestream",
        summary: "A channel's playlist tree (listplaylists), flattened: parents before their children.",
        body: ObjectSchema([
            channelName,
            Attribute("playlists", .list(.object(playlist)), .computed),
            Attribute("total_clips", .int, .computed),
        ], rules: [channelRule])
    ).documented(fields: nil, example: """
        data:
          livestream_playlists:
            showcase: {channel: proshowcase}
          livestream_clips:
            first-playlist:
              channel: proshowcase
              playlist: "${data.livestream_playlists.showcase.playlists[1].id}"
        """)

    /// What every clip answer carries, for `livestream_clips` items and `livestream_clip` alike.
    static let clipAttributes = [
        Attribute("id", .string, .computed, summary: "The clip's guid."),
        Attribute("title", .string, .computed),
        Attribute("description", .string, .computed),
        Attribute("link", .string, .computed),
        Attribute("pub_date", .string, .computed, summary: "As the feed gives it (RFC 822)."),
        Attribute("duration", .number, .computed, summary: "Seconds (media:content@duration)."),
        Attribute("thumbnail_url", .string, .computed, summary: "Empty when the clip has no thumbnail."),
        Attribute("content_url", .string, .computed),
        Attribute("content_type", .string, .computed),
        Attribute("workflow_status", .string, .computed),
        Attribute("is_recorded", .bool, .computed),
    ]

    public static let clips = ResourceTypeSchema(
        name: "livestream_clips",
        mode: .data,
        provider: "livestream",
        summary: "A channel's latest clips (latestclips), or the clips of one playlist (listclips), every page up to limit.",
        body: ObjectSchema([
            channelName,
            Attribute("playlist", .string, constraints: [.length(min: 1, max: nil)],
                      summary: "A playlist id (livestream_playlists); without it, the channel's latest clips."),
            Attribute("limit", .int, default: .int(100), constraints: [.range(min: 1, max: 1000)],
                      summary: "At most this many clips (pages of 100 are read until it is reached)."),
            Attribute("clips", .list(.object(ObjectSchema(clipAttributes))), .computed),
            Attribute("total_clips", .int, .computed, summary: "How many the channel or playlist holds, read or not."),
        ], rules: [channelRule])
    ).documented(fields: nil, example: """
        data:
          livestream_clips:
            latest: {channel: proshowcase, limit: 10}

        livepeer_stream:
          latest-replay: {name: "Replay: ${data.livestream_clips.latest.clips[0].title}"}
        """)

    public static let clip = ResourceTypeSchema(
        name: "livestream_clip",
        mode: .data,
        provider: "livestream",
        summary: "One clip's details (clipdetails).",
        body: ObjectSchema([
            channelName,
            Attribute("clip", .string, .required, constraints: [.length(min: 1, max: nil)], summary: "The clip id (a clip's guid)."),
        ] + clipAttributes, rules: [channelRule])
    ).documented(fields: nil, example: """
        data:
          livestream_clip:
            trailer: {channel: proshowcase, clip: "flv_5fa5b7ba-21a4-4f1e-9b52-2e8ec1a6f3f9"}
        """)

    public static let all = [channel, playlists, clips, clip]
}
