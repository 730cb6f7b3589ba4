import CastformCore

/// Livepeer Studio's writable types, in snake_case as the official Python SDK writes them.
/// Fields follow `new-stream-payload` and `stream-patch-payload` of reference/livepeer/api-schema.yaml.
public enum LivepeerSchemas {
    static let h264Profiles = ["H264Baseline", "H264Main", "H264High", "H264ConstrainedHigh"]
    /// The profiles the server gives a stream that names none.
    public static let defaultProfileNames = ["240p0", "360p0", "480p0", "720p0"]

    /// The spec gives profile integers a minimum only (and no int32/int64 format), and the
    /// server, being JavaScript, would take any double. castform bounds them by what the
    /// service's storage and transcoder are sure to hold: a signed 32-bit integer. A larger
    /// width, bitrate or frame rate is no real video anyway.
    static let int32Max: Double = 2_147_483_647

    static let ffmpegProfile = ObjectSchema([
        Attribute("name", .string, .required, constraints: [.length(min: 1, max: 500)]),
        Attribute("width", .int, .required, constraints: [.range(min: 128, max: int32Max)]),
        Attribute("height", .int, .required, constraints: [.range(min: 128, max: int32Max)]),
        Attribute("bitrate", .int, .required, constraints: [.range(min: 400, max: int32Max)]),
        Attribute("fps", .int, .required, constraints: [.range(min: 0, max: int32Max)]),
        Attribute("fps_den", .int, constraints: [.range(min: 1, max: int32Max)]),
        Attribute("quality", .int, constraints: [.range(min: 0, max: 44)]),
        Attribute("gop", .oneOf([.string, .number])),
        Attribute("profile", .string, constraints: [.oneOf(h264Profiles)]),
        Attribute("encoder", .string, constraints: [.oneOf(["H.264"])]),
    ])

    static let transcodeProfile = ObjectSchema([
        Attribute("name", .string, constraints: [.length(min: 1, max: 500)]),
        Attribute("width", .int, constraints: [.range(min: 128, max: int32Max)]),
        Attribute("height", .int, constraints: [.range(min: 128, max: int32Max)]),
        Attribute("bitrate", .int, .required, constraints: [.range(min: 400, max: int32Max)]),
        Attribute("quality", .int, constraints: [.range(min: 0, max: 44)]),
        Attribute("fps", .int, constraints: [.range(min: 0, max: int32Max)]),
        Attribute("fps_den", .int, constraints: [.range(min: 1, max: int32Max)]),
        Attribute("gop", .oneOf([.string, .number])),
        Attribute("profile", .string, constraints: [.oneOf(h264Profiles)]),
        Attribute("encoder", .string, constraints: [.oneOf(["H.264", "HEVC", "VP8", "VP9"])]),
    ])

    static let targetURLSchemes = ["rtmp", "rtmps", "srt"]

    static let multistreamTarget = ObjectSchema(
        [
            Attribute("profile", .string, .required, constraints: [.length(min: 1, max: 500)],
                      summary: "The rendition to send: a profile name, or \"source\"."),
            Attribute("video_only", .bool),
            Attribute("id", .string, summary: "A livepeer_multistream_target's id."),
            Attribute("spec", .object(ObjectSchema([
                Attribute("name", .string),
                Attribute("url", .string, .required, sensitive: true, writeOnly: true,
                          constraints: [.urlScheme(targetURLSchemes)]),
            ])), writeOnly: true, summary: "An inline target, created with the stream."),
        ],
        rules: [.exactlyOneOf(["id", "spec"])]
    )

    static let playbackPolicy = ObjectSchema(
        [
            Attribute("type", .string, .required, constraints: [.oneOf(["public", "jwt", "webhook"])],
                      summary: "public: anyone; jwt: players present a token signed with a signing key; webhook: Livepeer asks a webhook."),
            Attribute("webhook_id", .string, summary: "The livepeer_webhook asked (type webhook), with the playback.accessControl event."),
            Attribute("webhook_context", .map(.any), summary: "Sent to the webhook with every question."),
            // Seconds; the spec gives no bounds (a plain `number`): a negative interval means
            // nothing, and the largest castform takes is int32's, as for profiles (68 years).
            Attribute("refresh_interval", .number, constraints: [.range(min: 0, max: int32Max)],
                      summary: "Seconds the webhook's answer holds."),
            Attribute("allowed_origins", .list(.string), summary: "Web origins allowed to play it."),
        ],
        rules: [.custom(CustomRule("webhook policy needs webhook_id", check: StreamRules.webhookPolicy))]
    )

    static let creatorID = ValueType.oneOf([
        .string,
        .object(ObjectSchema([
            Attribute("type", .string, .required, constraints: [.oneOf(["unverified"])]),
            Attribute("value", .string, .required),
        ])),
    ])

    static let userTagValue = ValueType.oneOf([.string, .number, .list(.oneOf([.string, .number]))])

    public static let stream = ResourceTypeSchema(
        name: "livepeer_stream",
        provider: "livepeer",
        summary: "A live stream: renditions, recording, playback policy, restreaming.",
        body: ObjectSchema(
            [
                Attribute("name", .string, .required, summary: "The stream's name in Livepeer Studio."),
                Attribute("profiles", .list(.object(ffmpegProfile)),
                          constraints: [.uniqueItems(key: "name"),
                                        .reservedValues(key: "name", values: ["source"],
                                                        reason: "\"source\" names the original rendition")],
                          identity: ["name"],
                          summary: "Transcoded renditions; unset, the server's four defaults (240p0 to 720p0). Cannot change while live."),
                Attribute("record", .bool, summary: "Record each session; cannot change while live."),
                Attribute("recording_spec", .object(ObjectSchema([
                    Attribute("profiles", .list(.object(transcodeProfile)), constraints: [.uniqueItems(key: "name")],
                              identity: ["name"], summary: "Renditions of the recording."),
                ])), summary: "The renditions recordings are made in (needs record: true); unset, the stream's own."),
                Attribute("playback_policy", .object(playbackPolicy),
                          summary: "Who may watch: public (unset), signed JWTs, or a webhook that decides."),
                Attribute("multistream", .object(ObjectSchema([
                    // A target is the rendition it sends and where: the same destination may
                    // take two renditions, and one rendition may go to two destinations.
                    Attribute("targets", .list(.object(multistreamTarget)), identity: ["profile", "id"],
                              summary: "Each: a rendition and a target (by id, or an inline spec)."),
                ])), summary: "Restreaming: which rendition goes to which multistream target."),
                Attribute("pull", .object(ObjectSchema([
                    Attribute("source", .string, .required, summary: "The URL pulled (RTMP, HLS, SRT, ...)."),
                    Attribute("headers", .map(.string), sensitive: true, summary: "HTTP headers for the pull (secrets: never shown)."),
                    // The spec's enum: 0 not mobile, 1 screen share, 2 camera (or a boolean).
                    Attribute("is_mobile", .oneOf([.int, .bool]), constraints: [.range(min: 0, max: 2)],
                              summary: "0 not mobile, 1 screen share, 2 camera (or a boolean)."),
                    Attribute("location", .object(ObjectSchema([
                        Attribute("lat", .number, .required, constraints: [.range(min: -90, max: 90)], summary: "Latitude."),
                        Attribute("lon", .number, .required, constraints: [.range(min: -180, max: 180)], summary: "Longitude."),
                    ])), summary: "Where the source is, to pull from a nearby region."),
                ])), forceNew: true, summary: "Pull from a source instead of receiving a push; PATCH cannot change it."),
                Attribute("user_tags", .map(userTagValue),
                          summary: "Free-form tags (at most 2048 characters as JSON); castform adds castform_address and castform_lineage, never shown as changes."),
                Attribute("creator_id", creatorID, summary: "Who the stream is for: a string, or {type: unverified, value}."),
                Attribute("suspended", .bool, summary: "Refuse ingest and playback."),
                Attribute("id", .string, .computed, summary: "The stream's id."),
                Attribute("playback_id", .string, .computed, summary: "What players use to watch."),
                Attribute("stream_key", .string, .computed, sensitive: true, summary: "What the encoder sends with; `castform output --show-sensitive` prints it."),
                Attribute("is_active", .bool, .computed, summary: "Whether it is live now (not compared)."),
                Attribute("created_at", .number, .computed, summary: "Creation time, Unix milliseconds."),
                Attribute("ingest_url", .string, .computed, sensitive: true, summary: "The RTMP URL with the stream key, for the encoder."),
                Attribute("playback_url", .string, .computed, summary: "The HLS URL for players."),
            ],
            rules: [
                .custom(CustomRule("multistream profiles exist", check: StreamRules.multistreamProfilesExist)),
                .custom(CustomRule("recording_spec needs record", check: StreamRules.recordingSpecNeedsRecord)),
            ]
        )
    ).documented(fields: streamFields, example: streamExample)

    public static let multistreamTargetResource = ResourceTypeSchema(
        name: "livepeer_multistream_target",
        provider: "livepeer",
        summary: "Where streams are restreamed to (RTMP(S) or SRT).",
        body: ObjectSchema([
            Attribute("name", .string, summary: "A name to recognise it by."),
            Attribute("url", .string, .required, sensitive: true, writeOnly: true,
                      constraints: [.urlScheme(targetURLSchemes)],
                      summary: "Contains the destination's stream key: never shown, never stored in clear."),
            Attribute("disabled", .bool, summary: "Stop sending to it without removing it."),
            Attribute("id", .string, .computed, summary: "The target's id, for streams' multistream.targets."),
            Attribute("created_at", .number, .computed, summary: "Creation time, Unix milliseconds."),
        ])
    ).documented(fields: ServiceFields(.camelCase), example: targetExample)

    static let webhookEvents = [
        "stream.started", "stream.detection", "stream.idle", "recording.ready", "recording.started",
        "recording.waiting", "multistream.connected", "multistream.error", "multistream.disconnected",
        "playback.user.new", "playback.accessControl", "asset.created", "asset.updated", "asset.failed",
        "asset.ready", "asset.deleted", "task.spawned", "task.updated", "task.completed", "task.failed",
    ]

    public static let webhook = ResourceTypeSchema(
        name: "livepeer_webhook",
        provider: "livepeer",
        summary: "A webhook Livepeer calls on stream, recording and playback events.",
        body: ObjectSchema([
            Attribute("name", .string, .required, summary: "A name to recognise it by."),
            Attribute("url", .string, .required, constraints: [.urlScheme(["http", "https"])], summary: "Where Livepeer POSTs the events."),
            Attribute("events", .list(.string), constraints: [.oneOf(webhookEvents)], summary: "The events to send; unset, all."),
            Attribute("stream_id", .string, summary: "Only this stream's events."),
            Attribute("shared_secret", .string, sensitive: true, writeOnly: true,
                      summary: "Signs each call (Livepeer-Signature header), so the receiver can check it."),
            Attribute("id", .string, .computed, summary: "The webhook's id, for playback_policy.webhook_id."),
            Attribute("created_at", .number, .computed, summary: "Creation time, Unix milliseconds."),
        ])
    ).documented(fields: ServiceFields(.camelCase), example: webhookExample)

    public static let all = [stream, multistreamTargetResource, webhook]
}
