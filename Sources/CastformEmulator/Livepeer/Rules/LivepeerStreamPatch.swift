import Foundation

/// `PATCH /stream/{id}` after the schema check: a top-level shallow merge, each given field
/// replacing the stored one wholesale, with the server's "not while active" rules.
enum LivepeerStreamPatch {
    static func apply(_ payload: LivepeerJSON, to id: String, account: LivepeerAccount, now: Int64,
                      state: inout LivepeerState) throws {
        var stream = try state.ownedStream(id, by: account)
        if stream.isSession { throw LivepeerError.badRequest("can't patch stream session") }

        let record = payload["record"]?.boolValue
        // Compared with the stored value as JavaScript's `!=` does: a stream created without
        // `record` has none stored, so even `record: false` counts as a change while live.
        if let record, stream.isActive, stream.record != record {
            throw LivepeerError.badRequest("cannot change 'record' field while stream is active")
        }
        // `profiles != undefined`: null does not count. A suspended stream may change them.
        let profiles = payload["profiles"]
        if let profiles, !profiles.isNull, stream.isActive, stream.suspended != true {
            throw LivepeerError.badRequest("cannot change 'profiles' field while stream is active")
        }

        var recordingSpec: LivepeerRecordingSpec?
        if let spec = payload["recordingSpec"] {
            recordingSpec = try LivepeerStreamRules.recordingSpec(spec, record: record ?? stream.record)
        }
        var targets: [LivepeerTargetRef]?
        if let multistream = payload["multistream"] {
            // Checked against the *stored* profiles, even when this patch replaces them.
            targets = try LivepeerMultistreamRules.resolve(multistream, profiles: stream.profiles, account: account,
                                                           now: now, state: &state)
        }
        // Only a truthy policy is applied: `"playbackPolicy": null` is accepted and ignored.
        let policy = payload["playbackPolicy"].flatMap { $0.isNull ? nil : $0 }
        if let policy { try LivepeerStreamRules.checkPlaybackPolicy(policy, account: account, state: state) }
        let tags = payload["userTags"]
        if let tags { try LivepeerStreamRules.checkUserTags(tags) }

        if let record { stream.record = record }
        if let name = payload["name"]?.stringValue { stream.name = name }
        // A null stores null: the server writes `profiles: null` through.
        if let profiles { stream.profiles = profiles.arrayValue?.map(LivepeerProfile.init(json:)) }
        if let suspended = payload["suspended"]?.boolValue {
            stream.suspended = suspended
            // Suspending disconnects a live session.
            if suspended { stopSessions(of: &stream, state: &state) }
        }
        if let creator = payload["creatorId"] { stream.creatorId = LivepeerCreatorID(json: creator) }
        if let recordingSpec { stream.recordingSpec = recordingSpec }
        if let targets { stream.multistreamTargets = targets }
        if let policy { stream.playbackPolicy = policy }
        if let tags { stream.userTags = tags }
        state.streams[id] = stream
    }

    /// The media server ends the live session: the stream and its session objects go idle.
    static func stopSessions(of stream: inout LivepeerStream, state: inout LivepeerState) {
        stream.isActive = false
        for (sessionId, session) in state.streams where session.parentId == stream.id && session.isActive {
            state.streams[sessionId]?.isActive = false
        }
    }
}
