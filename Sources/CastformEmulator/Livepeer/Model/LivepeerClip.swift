import Foundation

/// A clip: an asset cut from a stream session (`POST /clip`), listed by `GET /stream/{id}/clips`.
public struct LivepeerClip: Codable, Sendable, Hashable {
    public internal(set) var id: String
    public internal(set) var playbackId: String
    public internal(set) var userId: String
    public internal(set) var projectId: String
    public internal(set) var createdAt: Int64
    public internal(set) var name: String
    /// The stream's playback id and the session it was cut from (`source` of the asset).
    public internal(set) var sourcePlaybackId: String
    public internal(set) var sessionId: String
    public internal(set) var streamId: String
    public internal(set) var startTime: Double
    public internal(set) var endTime: Double?
    /// `waiting` when created; the emulator's clip task finishes at once, so later reads say
    /// `ready`.
    public internal(set) var phase: String
    public internal(set) var updatedAt: Int64
    var sequence: Int

    /// The external asset: `status`, `source`, and the playback URLs once ready.
    var responseJSON: LivepeerJSON {
        let ready = phase == "ready"
        return .fields([
            "id": LivepeerJSON(id),
            "playbackId": LivepeerJSON(playbackId),
            "userId": LivepeerJSON(userId),
            "createdAt": LivepeerJSON(createdAt),
            "status": .fields(["phase": LivepeerJSON(phase), "updatedAt": LivepeerJSON(updatedAt)]),
            "name": LivepeerJSON(name),
            "source": .fields([
                "type": "clip",
                "playbackId": LivepeerJSON(sourcePlaybackId),
                "sessionId": LivepeerJSON(sessionId),
            ]),
            "projectId": LivepeerJSON(projectId),
            "playbackUrl": ready ? LivepeerJSON("https://livepeercdn.studio/asset/hls/\(playbackId)/index.m3u8") : nil,
            "downloadUrl": ready ? LivepeerJSON("https://livepeercdn.studio/asset/\(playbackId)/video/download.mp4") : nil,
        ])
    }
}
