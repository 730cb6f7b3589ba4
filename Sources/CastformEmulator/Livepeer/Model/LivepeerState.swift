import Foundation

/// Who an API key belongs to. Every Livepeer key belongs to a user and a project; resources
/// are scoped to them (multistream targets to the user only).
public struct LivepeerAccount: Codable, Sendable, Hashable {
    public internal(set) var userId: String
    public internal(set) var projectId: String
    /// The key's name, which streams record as `createdByTokenName`.
    public internal(set) var tokenName: String
}

/// Everything the emulated server holds; persisted as one JSON document by `PersistentBox`.
struct LivepeerState: Codable, Sendable {
    /// By API key.
    var accounts: [String: LivepeerAccount] = [:]
    /// Streams and their session objects, by id, soft-deleted ones included.
    var streams: [String: LivepeerStream] = [:]
    var targets: [String: LivepeerMultistreamTarget] = [:]
    var webhooks: [String: LivepeerWebhook] = [:]
    var clips: [String: LivepeerClip] = [:]
    var nextSequence = 0

    /// The next creation number, so lists can keep creation order.
    mutating func sequence() -> Int {
        defer { nextSequence += 1 }
        return nextSequence
    }

    /// A live (not deleted) stream that the account owns, or the server's 404.
    func ownedStream(_ id: String, by account: LivepeerAccount, notFound: String = "not found") throws -> LivepeerStream {
        guard let stream = streams[id], !stream.deleted, stream.userId == account.userId,
              stream.projectId == account.projectId else {
            throw LivepeerError.notFound(notFound)
        }
        return stream
    }

    func stream(playbackId: String) -> LivepeerStream? {
        streams.values.first { $0.playbackId == playbackId }
    }

    /// Whether a key is already used as a stream key or playback id.
    func keyInUse(_ key: String) -> Bool {
        let compact = key.replacingOccurrences(of: "-", with: "")
        return streams.values.contains { $0.streamKey == key || $0.playbackId == compact || $0.playbackId == key }
            || clips.values.contains { $0.playbackId == compact }
    }
}
