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
            Attribute("artist", .string, constraints: [.length(min: 1, max: nil)], summary: "The track's artist."),
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
            Attribute("title", .string, .required, aliases: ["name"], constraints: [.length(min: 1, max: nil)],
                      summary: "The show's name; Mixcloud derives the show's address (slug) from the first upload's title."),
            Attribute("description", .string, aliases: ["desc"], constraints: [.length(min: nil, max: 1000)],
                      normalizations: [.trimWhitespace], summary: "Plain text; surrounding blank lines are not compared."),
            Attribute("tags", .list(.string), constraints: [.maxItems(5), .length(min: 1, max: nil)],
                      normalizations: [.trimWhitespace, .caseInsensitive, .unordered],
                      summary: "Genres and moods; compared without regard to case or order, as Mixcloud keeps them."),
            Attribute("audio", .path, .requiredToCreate, forceNew: true, constraints: [.file(maxBytes: maxAudioBytes)],
                      summary: "The audio file; Mixcloud cannot replace it, so a change re-uploads the show. An imported show may leave it out (the API cannot download it); declared later, it is recorded as the show's file."),
            // Not returned by Mixcloud either, but tracked like the audio: by its content.
            Attribute("picture", .path, constraints: [.file(maxBytes: maxPictureBytes)],
                      summary: "The show's image; a new file, or new content under the same name, is sent with an edit."),
            Attribute("tracks", .list(.object(track)), aliases: ["sections"], constraints: [.increasing(key: "start")],
                      summary: "The tracklist: tracks and chapters with their start times, in order."),
            Attribute("unlisted", .bool, writeOnly: true,
                      summary: "Reachable only by its link; overrides publish_date. false publishes an unlisted show."),
            Attribute("publish_date", .string, writeOnly: true, constraints: [.utcTimestamp],
                      summary: "Scheduled publication (Pro accounts), UTC: YYYY-MM-DDTHH:MM:SSZ."),
            Attribute("hide_stats", .bool, summary: "Hide play counts (Pro accounts)."),
            Attribute("disable_comments", .bool, writeOnly: true, summary: "Turn comments off (Pro accounts)."),
            Attribute("hosts", .list(.string), writeOnly: true, constraints: [.maxItems(2)],
                      summary: "Co-hosts' usernames (Pro accounts); they must have accepted. One wrong name cancels the whole change."),
            Attribute("id", .string, .computed, summary: "The cloudcast key, /user/slug/."),
            Attribute("url", .string, .computed, summary: "The show's page on mixcloud.com."),
            Attribute("slug", .string, .computed, summary: "The last part of the show's address."),
            Attribute("created_time", .string, .computed, summary: "When it was uploaded (UTC)."),
            Attribute("updated_time", .string, .computed, summary: "When it last changed (UTC)."),
            Attribute("audio_length", .int, .computed, summary: "The audio's length in seconds."),
            Attribute("play_count", .int, .computed, summary: "Plays so far (not compared: it changes by itself)."),
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
    ).documented(fields: fields, example: example)

    /// Upload and edit form fields (FACTS.md §2); the API's JSON answers use castform's names.
    static let fields = ServiceFields(.same, exceptions: [
        "title": "name", "audio": "mp3 (upload only)", "tags": "tags-N-tag", "tracks": "sections-N-*",
        "tracks[].start": "sections-N-start_time", "tracks[].artist": "sections-N-artist",
        "tracks[].track": "sections-N-song", "tracks[].chapter": "sections-N-chapter",
        "hosts": "hosts-N-username", "id": "key", "unlisted": "unlisted (edit: unlisted / publish)",
    ])

    static let example = """
        mixcloud_cloudcast:
          deep-sessions-42:
            title: "Deep Sessions #42"
            description: Two hours of deep and soulful house.
            tags: [deep house, soulful house]
            audio: audio/show.mp3
            picture: art/show.jpg
            tracks:
              - {start: "0:00",  artist: Kerri Chandler, track: Rain}
              - {start: 2:54,    artist: Larry Heard,    track: Can You Feel It}
              - {start: 1:02:10, chapter: Guest mix}
            lifecycle: {on_remove: unlist}
        """

    static let unpublish = Removal("unpublished (moved to drafts, with its plays and comments; Mixcloud's API cannot delete a show)")

    public static let all = [cloudcast]
}
