import CastformCore

/// Livecoding.tv's API (OAuth with refresh tokens), read as a data source.
public enum LivecodingSchemas {
    static let broadcast = ObjectSchema([
        Attribute("id", .int, .computed),
        Attribute("title", .string, .computed),
        Attribute("livestream", .string, .computed),
        Attribute("coding_category", .string, .computed),
        Attribute("difficulty", .string, .computed),
        Attribute("start_time", .string, .computed),
        Attribute("start_time_original_timezone", .string, .computed),
        Attribute("original_timezone", .string, .computed),
        Attribute("is_featured", .bool, .computed),
        Attribute("is_recurring", .bool, .computed),
    ])

    public static let scheduledBroadcasts = ResourceTypeSchema(
        name: "livecoding_scheduled_broadcasts",
        mode: .data,
        provider: "livecoding",
        summary: "Upcoming scheduled broadcasts, all pages.",
        body: ObjectSchema([
            Attribute("livestream", .string, summary: "Only this streamer's broadcasts (user slug)."),
            Attribute("coding_category", .string, summary: "Only broadcasts of this category (as the site names it)."),
            Attribute("ordering", .string, default: .string("start_time"),
                      constraints: [.oneOf(["start_time", "-start_time", "id", "-id"])],
                      summary: "The order of the list; a leading - reverses it."),
            Attribute("limit", .int, constraints: [.range(min: 1, max: 1000)],
                      summary: "At most this many broadcasts."),
            Attribute("broadcasts", .list(.object(broadcast)), .computed,
                      summary: "Each: id, title, livestream, coding_category, difficulty, start_time, ..."),
        ])
    ).documented(fields: ServiceFields(.same, exceptions: ["broadcasts": "results (every page)", "limit": "(castform's: pages are read until it)"]),
                 example: """
        data:
          livecoding_scheduled_broadcasts:
            upcoming: {livestream: deepsessions, limit: 10}

        livepeer_stream:
          coding-stream:
            for_each: ${data.livecoding_scheduled_broadcasts.upcoming.broadcasts}
            name: ${each.value.title}
        """)

    public static let livestream = ResourceTypeSchema(
        name: "livecoding_livestream",
        mode: .data,
        provider: "livecoding",
        summary: "One streamer's live stream: its title, whether it is live, how many watch.",
        body: ObjectSchema([
            Attribute("user", .string, .required, constraints: [.length(min: 1, max: 200)], summary: "The streamer's slug (user name)."),
            Attribute("title", .string, .computed, summary: "The stream's title."),
            Attribute("description", .string, .computed, summary: "Its description."),
            Attribute("coding_category", .string, .computed, summary: "What is coded."),
            Attribute("difficulty", .string, .computed, summary: "beginner, intermediate or expert."),
            Attribute("language", .string, .computed, summary: "The spoken language."),
            Attribute("tags", .string, .computed, summary: "Tags, as one string."),
            Attribute("is_live", .bool, .computed, summary: "Whether it is on air now (not compared: it changes by itself)."),
            Attribute("viewers_live", .int, .computed, summary: "Viewers now."),
            Attribute("viewing_urls", .list(.string), .computed, summary: "Where to watch."),
            Attribute("thumbnail_url", .string, .computed, summary: "A still of the stream."),
            Attribute("embed_url", .string, .computed, summary: "A player to embed."),
        ])
    ).documented(fields: ServiceFields(.same, exceptions: ["user": "livestreams/{user}/ (path)"]), example: """
        data:
          livecoding_livestream:
            channel: {user: codewithme}

        livepeer_stream:
          mirror: {name: "Mirror of ${data.livecoding_livestream.channel.title}"}
        """)

    public static let all = [scheduledBroadcasts, livestream]
}
