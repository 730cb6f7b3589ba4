import Foundation

/// One line of the Livepeer emulator's journal: a row set, or removed when `row` is nil.
enum LivepeerChange: Codable, Sendable {
    case account(key: String, row: LivepeerAccount?)
    case stream(id: String, row: LivepeerStream?)
    case target(id: String, row: LivepeerMultistreamTarget?)
    case webhook(id: String, row: LivepeerWebhook?)
    case clip(id: String, row: LivepeerClip?)
}

/// The one-document `livepeer.json` of earlier versions, loaded once and journaled.
struct LivepeerLegacyState: Decodable {
    var accounts: [String: LivepeerAccount]
    var streams: [String: LivepeerStream]
    var targets: [String: LivepeerMultistreamTarget]
    var webhooks: [String: LivepeerWebhook]
    var clips: [String: LivepeerClip]
    var nextSequence: Int
}

extension LivepeerState {
    init(migrating legacy: LivepeerLegacyState) {
        self.init()
        for (key, row) in legacy.accounts { accounts[key] = row }
        for (id, row) in legacy.streams { streams[id] = row }
        for (id, row) in legacy.targets { targets[id] = row }
        for (id, row) in legacy.webhooks { webhooks[id] = row }
        for (id, row) in legacy.clips { clips[id] = row }
        nextSequence = legacy.nextSequence
    }

    /// Replays a line; the next sequence number follows every row's, so it needs no line.
    mutating func apply(_ change: LivepeerChange) {
        switch change {
        case .account(let key, let row): accounts[key] = row
        case .stream(let id, let row): streams[id] = row; follow(row?.sequence)
        case .target(let id, let row): targets[id] = row; follow(row?.sequence)
        case .webhook(let id, let row): webhooks[id] = row; follow(row?.sequence)
        case .clip(let id, let row): clips[id] = row; follow(row?.sequence)
        }
    }

    private mutating func follow(_ sequence: Int?) {
        if let sequence { nextSequence = max(nextSequence, sequence + 1) }
    }

    mutating func takeChanges() -> [LivepeerChange] {
        var changes = accounts.takeChanges().map { LivepeerChange.account(key: $0.key, row: $0.new) }
        for change in streams.takeChanges() {
            if let old = change.old { unindex(old) }
            if let new = change.new { index(new) }
            changes.append(.stream(id: change.key, row: change.new))
        }
        for change in clips.takeChanges() {
            if let old = change.old?.playbackId { clipPlaybackIds.remove(old) }
            if let new = change.new?.playbackId { clipPlaybackIds.insert(new) }
            changes.append(.clip(id: change.key, row: change.new))
        }
        for change in targets.takeChanges() { changes.append(.target(id: change.key, row: change.new)) }
        for change in webhooks.takeChanges() { changes.append(.webhook(id: change.key, row: change.new)) }
        return changes
    }

    var snapshot: [LivepeerChange] {
        var changes: [LivepeerChange] = []
        changes.reserveCapacity(rowCount)
        for (key, row) in accounts { changes.append(.account(key: key, row: row)) }
        for (id, row) in streams { changes.append(.stream(id: id, row: row)) }
        for (id, row) in targets { changes.append(.target(id: id, row: row)) }
        for (id, row) in webhooks { changes.append(.webhook(id: id, row: row)) }
        for (id, row) in clips { changes.append(.clip(id: id, row: row)) }
        return changes
    }

    var rowCount: Int { accounts.count + streams.count + targets.count + webhooks.count + clips.count }

    private mutating func index(_ stream: LivepeerStream) {
        if let key = stream.streamKey { streamKeys.insert(key) }
        if let playbackId = stream.playbackId { playbackIds[playbackId] = stream.id }
        streamsByProject[Self.project(stream.userId, stream.projectId), default: []].insert(stream.id)
    }

    private mutating func unindex(_ stream: LivepeerStream) {
        if let key = stream.streamKey { streamKeys.remove(key) }
        if let playbackId = stream.playbackId, playbackIds[playbackId] == stream.id { playbackIds[playbackId] = nil }
        streamsByProject[Self.project(stream.userId, stream.projectId)]?.remove(stream.id)
    }
}
