import Foundation

/// Session objects: while a stream is live, the media server registers a child stream with
/// `parentId` set (FACTS §2.2: `GET /stream` lists them unless `streamsonly`). The emulator
/// uses the child's id as the session id that clips refer to.
enum LivepeerSessions {
    static func start(for parent: LivepeerStream, now: Int64, sequence: Int) -> LivepeerStream {
        let id = LivepeerKeys.sessionId(playbackId: parent.playbackId ?? parent.id)
        return LivepeerStream(
            id: id, name: "video+\(parent.playbackId ?? "")", creatorId: nil, userTags: nil, lastSeen: now,
            isActive: true, isHealthy: true, createdByTokenName: nil, createdAt: now, parentId: parent.id,
            streamKey: nil, pull: nil, playbackId: nil, playbackPolicy: nil, profiles: parent.profiles,
            projectId: parent.projectId, record: parent.record, recordingSpec: nil, multistreamTargets: [],
            suspended: nil, lastTerminatedAt: nil, userId: parent.userId, sessionId: id, deleted: false,
            sequence: sequence)
    }

    /// The newest session of a stream: what a clip without `sessionId` is cut from.
    static func last(of streamID: String, in state: LivepeerState) -> LivepeerStream? {
        state.streams.values.filter { $0.parentId == streamID }.max { $0.sequence < $1.sequence }
    }
}
