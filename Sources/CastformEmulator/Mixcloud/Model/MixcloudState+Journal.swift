import Foundation

/// One line of the Mixcloud emulator's journal.
enum MixcloudChange: Codable, Sendable {
    case accounts([MixcloudAccount])
    case authorizationCodes([MixcloudAuthorizationCode])
    /// A show set, or removed when `row` is nil.
    case cloudcast(key: String, row: MixcloudCloudcast?)
}

/// The one-document `mixcloud.json` of earlier versions, loaded once and journaled.
struct MixcloudLegacyState: Decodable {
    var accounts: [MixcloudAccount]
    var cloudcasts: [MixcloudCloudcast]
    var authorizationCodes: [MixcloudAuthorizationCode]
}

extension MixcloudState {
    init(migrating legacy: MixcloudLegacyState) {
        self.init()
        apply(.accounts(legacy.accounts))
        apply(.authorizationCodes(legacy.authorizationCodes))
        for show in legacy.cloudcasts { apply(.cloudcast(key: show.key, row: show)) }
    }

    mutating func apply(_ change: MixcloudChange) {
        switch change {
        case .accounts(let accounts): self.accounts = accounts
        case .authorizationCodes(let codes): authorizationCodes = codes
        case .cloudcast(let key, let row):
            cloudcasts[key] = row
            if let row { nextSequence = max(nextSequence, row.sequence + 1) }
        }
    }

    mutating func takeChanges() -> [MixcloudChange] {
        var changes: [MixcloudChange] = []
        if accountsChanged { changes.append(.accounts(accounts)) }
        if codesChanged { changes.append(.authorizationCodes(authorizationCodes)) }
        accountsChanged = false
        codesChanged = false
        for change in cloudcasts.takeChanges() {
            if let old = change.old, old.visibility != .published { unpublished[old.owner, default: 0] -= 1 }
            if let new = change.new, new.visibility != .published { unpublished[new.owner, default: 0] += 1 }
            if !Self.sameIndexPlace(change.old, change.new) {
                if let old = change.old { unindex(old) }
                if let new = change.new { index(new) }
            }
            changes.append(.cloudcast(key: change.key, row: change.new))
        }
        return changes
    }

    var snapshot: [MixcloudChange] {
        let shows: [MixcloudChange] = allShows.map { .cloudcast(key: $0.key, row: $0) }
        return [.accounts(accounts), .authorizationCodes(authorizationCodes)] + shows
    }

    var rowCount: Int { cloudcasts.count + 2 }

    /// Whether an edit leaves a show where the indexes have it (most do: an edit never moves a
    /// show's URL), so it costs no re-indexing.
    private static func sameIndexPlace(_ old: MixcloudCloudcast?, _ new: MixcloudCloudcast?) -> Bool {
        guard let old, let new else { return false }
        return old.owner == new.owner && old.slug == new.slug && old.createdTime == new.createdTime && old.sequence == new.sequence
    }

    private mutating func index(_ show: MixcloudCloudcast) {
        slugs[show.owner.lowercased(), default: [:]][show.slug] = show.key
        var keys = newestFirst[show.owner] ?? []
        newestFirst[show.owner] = nil
        let position = keys.partitioningIndex { key in
            guard let other = cloudcasts[key] else { return false }
            return (other.createdTime, other.sequence) < (show.createdTime, show.sequence)
        }
        keys.insert(show.key, at: position)
        newestFirst[show.owner] = keys
    }

    private mutating func unindex(_ show: MixcloudCloudcast) {
        slugs[show.owner.lowercased()]?[show.slug] = nil
        newestFirst[show.owner]?.removeAll { $0 == show.key }
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for an array where every element
    /// that does comes after every element that does not (a binary search).
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
