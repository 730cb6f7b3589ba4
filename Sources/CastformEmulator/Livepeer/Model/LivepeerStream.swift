import Foundation

/// A stream as the emulated server stores it: the request's fields after the server's
/// normalisation, plus what the server sets. Tests read these through
/// `LivepeerEmulator.streams`; clients see `responseJSON`.
///
/// Session objects (the "child streams" the media server creates while a stream is live, with
/// `parentId` set) are streams too, as on the real server: they show up in `GET /stream`
/// unless `streamsonly` is given.
public struct LivepeerStream: Codable, Sendable, Hashable {
    public internal(set) var id: String
    public internal(set) var name: String
    public internal(set) var creatorId: LivepeerCreatorID?
    /// Values are strings, numbers or arrays of them; kept as sent.
    public internal(set) var userTags: LivepeerJSON?
    public internal(set) var lastSeen: Int64
    public internal(set) var isActive: Bool
    /// Absent until the stream has been live (the server then sets it).
    public internal(set) var isHealthy: Bool?
    public internal(set) var createdByTokenName: String?
    public internal(set) var createdAt: Int64
    public internal(set) var parentId: String?
    /// The secret ingest key; pull streams get one too, despite the spec's text.
    public internal(set) var streamKey: String?
    /// The validated `pull` object, as sent.
    public internal(set) var pull: LivepeerJSON?
    public internal(set) var playbackId: String?
    /// The policy as sent; `.null` when the client sent `null` on create (absent means public).
    public internal(set) var playbackPolicy: LivepeerJSON?
    /// `nil` only after a PATCH with `"profiles": null`, which the server stores as null.
    public internal(set) var profiles: [LivepeerProfile]?
    public internal(set) var projectId: String
    public internal(set) var record: Bool?
    public internal(set) var recordingSpec: LivepeerRecordingSpec?
    public internal(set) var multistreamTargets: [LivepeerTargetRef]
    public internal(set) var suspended: Bool?
    public internal(set) var lastTerminatedAt: Int64?
    public internal(set) var userId: String
    /// Set on session objects: the id clips refer to.
    public internal(set) var sessionId: String?
    /// Soft delete: a deleted stream answers 404 and is never listed.
    public internal(set) var deleted: Bool
    /// Creation order inside the emulator, to sort lists stably.
    var sequence: Int

    public var isSession: Bool { parentId != nil }

    /// The object `GET /stream/{id}` returns: stored fields plus the defaults the server adds
    /// (`addDefaultFields`: `record`, `suspended`, the counters, `lastTerminatedAt: null`).
    /// Private fields (`deleted`, `sessionId`) never leave the server.
    var responseJSON: LivepeerJSON {
        .fields([
            "id": LivepeerJSON(id),
            "name": LivepeerJSON(name),
            "kind": "stream",
            "creatorId": creatorId?.json,
            "userTags": userTags,
            "lastSeen": LivepeerJSON(lastSeen),
            "sourceSegments": 0,
            "transcodedSegments": 0,
            "sourceSegmentsDuration": 0,
            "transcodedSegmentsDuration": 0,
            "sourceBytes": 0,
            "transcodedBytes": 0,
            "isActive": .bool(isActive),
            "isHealthy": isHealthy.map { .bool($0) },
            "createdByTokenName": createdByTokenName.map { LivepeerJSON($0) },
            "createdAt": LivepeerJSON(createdAt),
            "parentId": parentId.map { LivepeerJSON($0) },
            "streamKey": streamKey.map { LivepeerJSON($0) },
            "pull": pull,
            "playbackId": playbackId.map { LivepeerJSON($0) },
            "playbackPolicy": playbackPolicy,
            "profiles": profiles.map { .array($0.map(\.json)) } ?? .null,
            "projectId": LivepeerJSON(projectId),
            "record": .bool(record ?? false),
            "recordingSpec": recordingSpec?.json,
            "multistream": .fields(["targets": .array(multistreamTargets.map(\.json))]),
            "suspended": .bool(suspended ?? false),
            "lastTerminatedAt": lastTerminatedAt.map { LivepeerJSON($0) } ?? .null,
            "userId": LivepeerJSON(userId),
            "renditions": .object([]),
        ])
    }
}
