import Foundation

/// The request schemas the server validates, transcribed by hand from `api-schema.yaml`
/// (components `ffmpeg-profile`, `transcode-profile`, `playback-policy`, `input-creator-id`,
/// `target`, `new-stream-payload`, `stream-patch-payload`, `multistream-target`, `webhook`,
/// `clip-payload`), with `$ref`s inlined as the server's json-schema-ref-parser inlines them.
///
/// Where the server validates with its merged schema rather than the public one (FACTS §7),
/// the merged form is used and marked.
enum LivepeerSchemas {
    /// The spec gives profile integers a minimum only; the real server (JavaScript) would take
    /// any double and store it. The emulator's models hold them as integers, so it answers a
    /// number beyond a signed 32-bit integer — what the service's storage and transcoder are
    /// sure to hold, and castform's own bound — as Ajv answers a `maximum`: 422, never a trap.
    static let int32Max: Double = 2_147_483_647

    static let ffmpegProfile = LivepeerSchema.object([
        "width": .integer(minimum: 128, maximum: int32Max),
        "name": .string(minLength: 1, maxLength: 500),
        "height": .integer(minimum: 128, maximum: int32Max),
        "bitrate": .integer(minimum: 400, maximum: int32Max),
        "fps": .integer(minimum: 0, maximum: int32Max),
        "fpsDen": .integer(minimum: 1, maximum: int32Max),
        "quality": .integer(minimum: 0, maximum: 44),
        "gop": .string(),
        "profile": .string(enum: h264Profiles),
        "encoder": .string(enum: ["H.264"]),
    ], required: ["width", "name", "height", "bitrate", "fps"])

    static let transcodeProfile = LivepeerSchema.object([
        "width": .integer(minimum: 128, maximum: int32Max),
        "name": .string(minLength: 1, maxLength: 500),
        "height": .integer(minimum: 128, maximum: int32Max),
        "bitrate": .integer(minimum: 400, maximum: int32Max),
        "quality": .integer(minimum: 0, maximum: 44),
        "fps": .integer(minimum: 0, maximum: int32Max),
        "fpsDen": .integer(minimum: 1, maximum: int32Max),
        "gop": .string(),
        "profile": .string(enum: h264Profiles),
        "encoder": .string(enum: ["H.264", "HEVC", "VP8", "VP9"]),
    ], required: ["bitrate"])

    static let h264Profiles = ["H264Baseline", "H264Main", "H264High", "H264ConstrainedHigh"]

    /// `type` also allows `lit_signing_condition`: the server's merged db-schema adds it, and
    /// the stream handlers then reject it with a 400 rather than a 422.
    static let playbackPolicy = LivepeerSchema.object([
        "type": .string(enum: ["public", "jwt", "webhook", "lit_signing_condition"]),
        "webhookId": .string(),
        "webhookContext": LivepeerSchema(types: ["object"]),
        "refreshInterval": .number,
        "allowedOrigins": .array(of: .string()),
    ], required: ["type"], nullable: true)

    static let inputCreatorID = LivepeerSchema.oneOf([
        .object(["type": .string(enum: ["unverified"]), "value": .string()], required: ["type", "value"]),
        .string(),
    ])

    static let userTags = LivepeerSchema.map(of: .oneOf([
        .string(),
        .number,
        .array(of: .oneOf([.string(), .number])),
    ]))

    static let pull = LivepeerSchema.object([
        "source": .string(),
        "headers": .map(of: .string()),
        "isMobile": .oneOf([.integer(enum: [0, 1, 2]), .boolean]),
        "location": .object(["lat": .number, "lon": .number], required: ["lat", "lon"]),
    ], required: ["source"])

    /// `multistream-target.url`: the secret ingest URL of a platform.
    static let multistreamURL = LivepeerSchema.string(pattern: "^(srt|rtmps?)://", format: "uri")

    static let target = LivepeerSchema.object([
        "profile": .string(minLength: 1, maxLength: 500),
        "videoOnly": .boolean,
        "id": .string(),
        "spec": .object(["name": .string(), "url": multistreamURL], required: ["url"]),
    ], required: ["profile"])

    static let multistream = LivepeerSchema.object(["targets": .array(of: target)])

    static let recordingSpec = LivepeerSchema.object(["profiles": .array(of: transcodeProfile, nullable: true)])

    static let newStreamPayload = LivepeerSchema.object([
        "name": .string(),
        "pull": pull,
        "creatorId": inputCreatorID,
        "playbackPolicy": playbackPolicy,
        "profiles": .array(of: ffmpegProfile, nullable: true),
        "record": .boolean,
        "recordingSpec": recordingSpec,
        "multistream": multistream,
        "userTags": userTags,
    ], required: ["name"])

    static let streamPatchPayload = LivepeerSchema.object([
        "creatorId": inputCreatorID,
        "record": .boolean,
        "suspended": .boolean,
        "multistream": multistream,
        "playbackPolicy": playbackPolicy,
        "profiles": .array(of: ffmpegProfile, nullable: true),
        "recordingSpec": recordingSpec,
        "userTags": userTags,
        "name": .string(),
    ])

    /// `{type: object, additionalProperties: false, $ref: target}`: the same as `target`.
    static let targetAddPayload = target

    static let multistreamTarget = multistreamTargetSchema(required: ["url"])

    /// `{$ref: multistream-target, required: []}`: the sibling key wins, so nothing is required.
    static let multistreamTargetPatchPayload = multistreamTargetSchema(required: [])

    private static func multistreamTargetSchema(required: [String]) -> LivepeerSchema {
        .object([
            "id": .string(),
            "name": .string(),
            "userId": .string(),
            "url": multistreamURL,
            "disabled": .boolean,
            "createdAt": .number,
        ], required: required)
    }

    static let webhookEvents = [
        "stream.started", "stream.detection", "stream.idle", "recording.ready", "recording.started",
        "recording.waiting", "multistream.connected", "multistream.error", "multistream.disconnected",
        "playback.user.new", "playback.accessControl", "asset.created", "asset.updated", "asset.failed",
        "asset.ready", "asset.deleted", "task.spawned", "task.updated", "task.completed", "task.failed",
    ]

    static let webhookURL = LivepeerSchema.string(pattern: "^http(s)?://", format: "uri")

    /// The public `webhook` schema plus the deprecated single `event` of the merged db-schema.
    static let webhook = LivepeerSchema.object([
        "id": .string(),
        "name": .string(),
        "kind": .string(),
        "userId": .string(),
        "projectId": .string(),
        "createdAt": .number,
        "events": .array(of: .string(enum: webhookEvents)),
        "url": webhookURL,
        "sharedSecret": .string(),
        "streamId": .string(),
        "status": LivepeerSchema(types: ["object"]),
        "event": .string(),
    ], required: ["name", "url"])

    /// PATCH /webhook/{id} is not in the public spec; the server's payload has these fields.
    static let webhookPatchPayload = LivepeerSchema.object([
        "name": .string(),
        "url": webhookURL,
        "events": .array(of: .string(enum: webhookEvents)),
        "sharedSecret": .string(),
        "streamId": .string(),
    ])

    static let clipPayload = LivepeerSchema.object([
        "playbackId": .string(),
        "startTime": .number,
        "endTime": .number,
        "name": .string(),
        "sessionId": .string(),
    ], required: ["playbackId", "startTime"])
}
