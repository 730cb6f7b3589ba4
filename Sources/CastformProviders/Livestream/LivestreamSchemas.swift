import CastformCore

/// Livestream's Channel API 2.0, read as a data source (no authentication).
public enum LivestreamSchemas {
    public static let channel = ResourceTypeSchema(
        name: "livestream_channel",
        mode: .data,
        provider: "livestream",
        summary: "A Livestream channel's metadata and live status.",
        body: ObjectSchema([
            Attribute("channel", .string, .required, constraints: [.length(min: 1, max: nil)],
                      summary: "The channel name, as in x<name>x.api.channel.livestream.com."),
            Attribute("is_live", .bool, .computed),
            Attribute("current_viewer_count", .int, .computed),
            Attribute("title", .string, .computed),
            Attribute("description", .string, .computed),
            Attribute("link", .string, .computed),
            Attribute("image_url", .string, .computed),
            Attribute("category", .string, .computed),
            Attribute("tags", .list(.string), .computed),
            Attribute("total_viewer_minutes", .int, .computed),
        ])
    )

    public static let all = [channel]
}
