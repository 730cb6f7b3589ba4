import CastformCore

/// `mixcloud_cloudcast`: an uploaded show. Limits are Mixcloud's documented ones
/// (reference/mixcloud/FACTS.md §2), checked before a 2 GB upload rather than after it.
public enum MixcloudSchemas {
    public static let maxAudioBytes: Int64 = 4_294_967_296
    public static let maxPictureBytes: Int64 = 10_485_760

    public static let track = ObjectSchema(
        [
            // Mixcloud documents `start_time` as integer seconds, with no bound; castform takes
            // what the service's storage can surely hold, a signed 32-bit integer (68 years).
            Attribute("start", .time, .required, constraints: [.range(min: 0, max: 2_147_483_647)],
                      summary: "Start time: seconds, m:ss, mm:ss or h:mm:ss."),
            Attribute("artist", .string, constraints: [.length(min: 1, max: nil)]),
            Attribute("track", .string, aliases: ["song"], constraints: [.length(min: 1, max: nil)],
                      summary: "The song title."),
            Attribute("chapter", .string, constraints: [.length(min: 1, max: nil)],
                      summary: "A chapter heading instead of a track."),
        ],
        rules: [.oneShapeOf([["artist", "track"], ["chapter"]], names: ["a track (artist and track)", "a chapter"])]
    )

    public static let cloudcast = ResourceTypeSchema(
        name: "mixcloud_cloudcast",
        provider: "mixcloud",
        summary: "A show uploaded to Mixcloud, with its tracklist.",
        body: ObjectSchema([
            Attribute("title", .string, .required, aliases: ["name"], constraints: [.length(min: 1, max: nil)]),
            Attribute("description", .string, aliases: ["desc"], constraints: [.length(min: nil, max: 1000)],
                      normalizations: [.trimWhitespace]),
            Attribute("tags", .list(.string), constraints: [.maxItems(5), .length(min: 1, max: nil)],
                      normalizations: [.trimWhitespace, .caseInsensitive, .unordered]),
            Attribute("audio", .path, .requiredToCreate, forceNew: true, constraints: [.file(maxBytes: maxAudioBytes)],
                      summary: "The audio file; Mixcloud cannot replace it, so a change re-uploads the show. An imported show may leave it out (the API cannot download it); declared later, it is recorded as the show's file."),
            // Not returned by Mixcloud either, but tracked like the audio: by its content.
            Attribute("picture", .path, constraints: [.file(maxBytes: maxPictureBytes)],
                      summary: "The show's image; a new file, or new content under the same name, is sent with an edit."),
            Attribute("tracks", .list(.object(track)), aliases: ["sections"], constraints: [.increasing(key: "start")]),
            Attribute("unlisted", .bool, writeOnly: true),
            Attribute("publish_date", .string, writeOnly: true, constraints: [.utcTimestamp],
                      summary: "Scheduled publication (Pro accounts), UTC: YYYY-MM-DDTHH:MM:SSZ."),
            Attribute("hide_stats", .bool),
            Attribute("disable_comments", .bool, writeOnly: true),
            Attribute("hosts", .list(.string), writeOnly: true, constraints: [.maxItems(2)]),
            Attribute("id", .string, .computed, summary: "The cloudcast key, /user/slug/."),
            Attribute("url", .string, .computed),
            Attribute("slug", .string, .computed),
            Attribute("created_time", .string, .computed),
            Attribute("updated_time", .string, .computed),
            Attribute("audio_length", .int, .computed),
            Attribute("play_count", .int, .computed),
        ]),
        lifecycleOptions: [
            Attribute("on_remove", .string, default: .string("unpublish"),
                      constraints: [.oneOf(["unpublish", "unlist", "forget"])],
                      summary: "What removal from the manifests does; the API cannot delete a show."),
        ],
        // Mixcloud cannot replace audio: the new show goes up before the old one comes down,
        // and the old one is unpublished, not deleted (the API cannot delete), so its plays
        // and comments stay with it. The plan says so in these words.
        createsBeforeDestroying: true,
        removal: unpublish,
        removalOption: "on_remove",
        removalChoices: [
            "unpublish": unpublish,
            "unlist": Removal("unlisted (it stays online, reachable only by its link, with its plays and comments)"),
            "forget": .forget("left on Mixcloud as it is (castform stops managing it)"),
        ],
        // The Python `mixcloud` library's show file (FACTS.md §7): `title`, `desc`, `tags`,
        // `tracks` at the top, the MP3 beside it with the same base name.
        documentFormat: DocumentFormat(
            name: "the Python mixcloud library's show file", identifyingKeys: ["title", "desc", "tracks"],
            siblingFile: ("audio", ["mp3", "m4a", "wav", "flac", "aiff", "aac", "ogg"]))
    )

    static let unpublish = Removal("unpublished (moved to drafts, with its plays and comments; Mixcloud's API cannot delete a show)")

    public static let all = [cloudcast]
}
