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
            Attribute("type", .string, .required, constraints: [.oneOf(["public", "jwt", "webhook"])]),
            Attribute("webhook_id", .string),
            Attribute("webhook_context", .map(.any)),
            // Seconds; the spec gives no bounds (a plain `number`): a negative interval means
            // nothing, and the largest castform takes is int32's, as for profiles (68 years).
            Attribute("refresh_interval", .number, constraints: [.range(min: 0, max: int32Max)]),
            Attribute("allowed_origins", .list(.string)),
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
                Attribute("name", .string, .required),
                Attribute("profiles", .list(.object(ffmpegProfile)),
                          constraints: [.uniqueItems(key: "name"),
                                        .reservedValues(key: "name", values: ["source"],
                                                        reason: "\"source\" names the original rendition")],
                          identity: ["name"]),
                Attribute("record", .bool),
                Attribute("recording_spec", .object(ObjectSchema([
                    Attribute("profiles", .list(.object(transcodeProfile)), constraints: [.uniqueItems(key: "name")],
                              identity: ["name"]),
                ]))),
                Attribute("playback_policy", .object(playbackPolicy)),
                Attribute("multistream", .object(ObjectSchema([
                    // A target is the rendition it sends and where: the same destination may
                    // take two renditions, and one rendition may go to two destinations.
                    Attribute("targets", .list(.object(multistreamTarget)), identity: ["profile", "id"]),
                ]))),
                Attribute("pull", .object(ObjectSchema([
                    Attribute("source", .string, .required),
                    Attribute("headers", .map(.string), sensitive: true),
                    // The spec's enum: 0 not mobile, 1 screen share, 2 camera (or a boolean).
                    Attribute("is_mobile", .oneOf([.int, .bool]), constraints: [.range(min: 0, max: 2)]),
                    Attribute("location", .object(ObjectSchema([
                        Attribute("lat", .number, .required, constraints: [.range(min: -90, max: 90)]),
                        Attribute("lon", .number, .required, constraints: [.range(min: -180, max: 180)]),
                    ]))),
                ])), forceNew: true, summary: "Pull from a source instead of receiving a push; PATCH cannot change it."),
                Attribute("user_tags", .map(userTagValue)),
                Attribute("creator_id", creatorID),
                Attribute("suspended", .bool),
                Attribute("id", .string, .computed),
                Attribute("playback_id", .string, .computed),
                Attribute("stream_key", .string, .computed, sensitive: true),
                Attribute("is_active", .bool, .computed),
                Attribute("created_at", .number, .computed),
                Attribute("ingest_url", .string, .computed, sensitive: true),
                Attribute("playback_url", .string, .computed),
            ],
            rules: [
                .custom(CustomRule("multistream profiles exist", check: StreamRules.multistreamProfilesExist)),
                .custom(CustomRule("recording_spec needs record", check: StreamRules.recordingSpecNeedsRecord)),
            ]
        )
    )

    public static let multistreamTargetResource = ResourceTypeSchema(
        name: "livepeer_multistream_target",
        provider: "livepeer",
        summary: "Where streams are restreamed to (RTMP(S) or SRT).",
        body: ObjectSchema([
            Attribute("name", .string),
            Attribute("url", .string, .required, sensitive: true, writeOnly: true,
                      constraints: [.urlScheme(targetURLSchemes)],
                      summary: "Contains the destination's stream key: never shown, never stored in clear."),
            Attribute("disabled", .bool),
            Attribute("id", .string, .computed),
            Attribute("created_at", .number, .computed),
        ])
    )

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
            Attribute("name", .string, .required),
            Attribute("url", .string, .required, constraints: [.urlScheme(["http", "https"])]),
            Attribute("events", .list(.string), constraints: [.oneOf(webhookEvents)]),
            Attribute("stream_id", .string),
            Attribute("shared_secret", .string, sensitive: true, writeOnly: true),
            Attribute("id", .string, .computed),
            Attribute("created_at", .number, .computed),
        ])
    )

    public static let all = [stream, multistreamTargetResource, webhook]
}
