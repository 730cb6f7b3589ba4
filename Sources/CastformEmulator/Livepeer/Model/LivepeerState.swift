import Foundation

/// Who an API key belongs to. Every Livepeer key belongs to a user and a project; resources
/// are scoped to them (multistream targets to the user only).
public struct LivepeerAccount: Codable, Sendable, Hashable {
    public internal(set) var userId: String
    public internal(set) var projectId: String
    /// The key's name, which streams record as `createdByTokenName`.
    public internal(set) var tokenName: String
}

/// Everything the emulated server holds, kept in an `EmulatorStore`: one table per kind of
/// object, soft-deleted ones included, with the indexes that keep a create's cost flat however
/// many streams exist (stream keys and playback ids in use, each owner's streams).
struct LivepeerState: StoreContents {
    /// By API key.
    var accounts = StoreTable<LivepeerAccount>()
    /// Streams and their session objects, by id, soft-deleted ones included.
    var streams = StoreTable<LivepeerStream>()
    var targets = StoreTable<LivepeerMultistreamTarget>()
    var webhooks = StoreTable<LivepeerWebhook>()
    var clips = StoreTable<LivepeerClip>()
    var nextSequence = 0
    // The indexes below are kept by `takeChanges` (LivepeerState+Journal.swift); routes only
    // read them.
    /// Stream keys of every stream ever created.
    var streamKeys: Set<String> = []
    /// Playback id → stream id, for every stream ever created.
    var playbackIds: [String: String] = [:]
    var clipPlaybackIds: Set<String> = []
    /// "userId/projectId" → ids of the streams and sessions of that project.
    var streamsByProject: [String: Set<String>] = [:]

    init() {}

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
        playbackIds[playbackId].flatMap { streams[$0] }
    }

    /// Streams and sessions of the account's project, deleted ones included.
    func streams(of account: LivepeerAccount) -> [LivepeerStream] {
        (streamsByProject[Self.project(account.userId, account.projectId)] ?? []).compactMap { streams[$0] }
    }

    /// Whether a key is already used as a stream key or playback id.
    func keyInUse(_ key: String) -> Bool {
        let compact = key.replacingOccurrences(of: "-", with: "")
        return streamKeys.contains(key) || playbackIds[compact] != nil || playbackIds[key] != nil
            || clipPlaybackIds.contains(compact)
    }

    static func project(_ userId: String, _ projectId: String) -> String { "\(userId)/\(projectId)" }
}
