import Foundation

/// `POST /stream` after the schema check (`handleCreateStream`): the server's defaults, its
/// generated keys and its business rules, in the server's order.
enum LivepeerStreamCreation {
    static func create(from payload: LivepeerJSON, account: LivepeerAccount, now: Int64,
                       state: inout LivepeerState) throws -> LivepeerStream {
        let record = payload["record"]?.boolValue
        var recordingSpec: LivepeerRecordingSpec?
        if let spec = payload["recordingSpec"] {
            recordingSpec = try LivepeerStreamRules.recordingSpec(spec, record: record)
        }

        let id = LivepeerKeys.id()
        let streamKey = LivepeerKeys.streamKey(for: id, in: state)
        let playbackId = LivepeerKeys.playbackId(for: id, in: state, avoiding: [streamKey])

        // Missing or null profiles get the four defaults; an empty list is kept (no transcoding).
        let profiles = payload["profiles"]?.arrayValue.map { $0.map(LivepeerProfile.init(json:)) } ?? LivepeerProfile.defaults
        let playbackPolicy = payload["playbackPolicy"]
        try LivepeerStreamRules.checkPlaybackPolicy(playbackPolicy, account: account, state: state)
        let targets = try LivepeerMultistreamRules.resolve(payload["multistream"], profiles: profiles, account: account,
                                                           now: now, state: &state)
        if let tags = payload["userTags"] { try LivepeerStreamRules.checkUserTags(tags) }

        let stream = LivepeerStream(
            id: id,
            name: payload["name"]?.stringValue ?? "",
            creatorId: payload["creatorId"].map(LivepeerCreatorID.init(json:)),
            userTags: payload["userTags"],
            lastSeen: 0,
            isActive: false,
            isHealthy: nil,
            createdByTokenName: account.tokenName,
            createdAt: now,
            parentId: nil,
            streamKey: streamKey,
            pull: payload["pull"],
            playbackId: playbackId,
            playbackPolicy: playbackPolicy,
            profiles: profiles,
            projectId: account.projectId,
            record: record,
            recordingSpec: recordingSpec,
            multistreamTargets: targets,
            suspended: nil,
            lastTerminatedAt: nil,
            userId: account.userId,
            sessionId: nil,
            deleted: false,
            sequence: state.sequence())
        state.streams[id] = stream
        return stream
    }

    /// The deprecated `?autoStartPull=true`: a stream of the caller's with the same
    /// `pull.source` is returned (200) instead of creating another.
    static func existingPullStream(for payload: LivepeerJSON, account: LivepeerAccount,
                                   state: LivepeerState) throws -> LivepeerStream? {
        guard let source = payload["pull"]?["source"]?.stringValue else {
            throw LivepeerError.badRequest("autoStartPull requires pull configuration to be present")
        }
        let matches = state.streams.values.filter {
            !$0.deleted && $0.userId == account.userId && $0.projectId == account.projectId
                && $0.pull?["source"]?.stringValue == source
        }
        if matches.count > 1 {
            throw LivepeerError.badRequest(
                "autoStartPull requires pull.source to be unique, found \(matches.count) streams with same source")
        }
        return matches.first
    }
}
