import Foundation

/// Everything the Mixcloud emulator persists: accounts with their tokens, cloudcasts, and
/// pending OAuth codes, kept in an `EmulatorStore`.
///
/// Cloudcasts are a table by key ("/owner/slug/") with two indexes, so a request costs the
/// same however many shows the store holds: slugs by owner (a show's URL, a new upload's free
/// slug) and each owner's shows newest first (the cloudcast list). Accounts and codes are
/// few: each is journaled as a whole list when it changes.
struct MixcloudState: StoreContents {
    var accounts: [MixcloudAccount] = [] { didSet { accountsChanged = true } }
    var authorizationCodes: [MixcloudAuthorizationCode] = [] { didSet { codesChanged = true } }
    /// Write through `cloudcasts[key] = show`; the indexes follow when the store takes changes.
    var cloudcasts = StoreTable<MixcloudCloudcast>()
    var nextSequence = 1
    // The indexes and change marks below are kept by `takeChanges` (MixcloudState+Journal.swift);
    // routes only read them.
    /// Lowercased owner → slug → key.
    var slugs: [String: [String: String]] = [:]
    /// Owner → keys, newest first (`createdTime`, then `sequence`).
    var newestFirst: [String: [String]] = [:]
    /// Owner → how many of their shows are stored as other than published (drafts, unlisted,
    /// scheduled): while none are, the owner's published list is `newestFirst` itself.
    var unpublished: [String: Int] = [:]
    var accountsChanged = false
    var codesChanged = false

    init() {}

    func account(token: String) -> MixcloudAccount? {
        accounts.first { $0.tokens.contains(token) }
    }

    /// Usernames match without regard to case, as Mixcloud's URLs do.
    func account(username: String) -> MixcloudAccount? {
        accounts.first { $0.username.lowercased() == username.lowercased() }
    }

    /// The show at `/<owner>/<slug>/`, the owner matched without regard to case.
    func cloudcast(owner: String, slug: String) -> MixcloudCloudcast? {
        slugs[owner.lowercased()]?[slug].flatMap { cloudcasts[$0] }
    }

    /// Every show of `owner`, newest first (later uploads first within one second).
    func shows(of owner: String) -> [MixcloudCloudcast] {
        (newestFirst[owner] ?? []).compactMap { cloudcasts[$0] }
    }

    /// `owner`'s published shows from `offset`, at most `limit`, newest first, and whether
    /// more follow. It costs the page when the owner has no unpublished show (the usual
    /// case), and the shows before the page otherwise.
    func publishedPage(of owner: String, offset: Int, limit: Int, at time: Date) -> (shows: [MixcloudCloudcast], more: Bool) {
        let keys = newestFirst[owner] ?? []
        if unpublished[owner, default: 0] == 0 {
            let start = min(offset, keys.count), end = min(keys.count, start + limit)
            return (keys[start..<end].compactMap { cloudcasts[$0] }, end < keys.count)
        }
        let published = keys.lazy.compactMap { cloudcasts[$0] }.filter { $0.visibility(at: time) == .published }.dropFirst(offset)
        let shows = Array(published.prefix(limit + 1))
        return (Array(shows.prefix(limit)), shows.count > limit)
    }

    /// How many published shows `owner` has (`cloudcast_count`).
    func publishedCount(of owner: String, at time: Date) -> Int {
        let keys = newestFirst[owner] ?? []
        if unpublished[owner, default: 0] == 0 { return keys.count }
        return keys.lazy.filter { self.cloudcasts[$0]?.visibility(at: time) == .published }.count
    }

    /// Every show, in creation order.
    var allShows: [MixcloudCloudcast] {
        cloudcasts.values.sorted { $0.sequence < $1.sequence }
    }

    /// The slug for a new upload of `owner`: the name's slug, or with "-2", "-3", ... when the
    /// owner already has a show with it (drafts included: a slug is a URL, never reused).
    func freeSlug(for name: String, owner: String) -> String {
        let base = Slug.make(from: name)
        let taken = slugs[owner.lowercased()] ?? [:]
        guard taken[base] != nil else { return base }
        var suffix = 2
        while taken["\(base)-\(suffix)"] != nil { suffix += 1 }
        return "\(base)-\(suffix)"
    }

    /// Adds `account`, or merges its tokens into the stored account of that username. A token
    /// acts as one user only: one that another account held moves to this one (a sandbox whose
    /// workspace now names another user hands its token over).
    mutating func merge(_ account: MixcloudAccount) {
        for index in accounts.indices where accounts[index].username != account.username {
            let kept = accounts[index].tokens.filter { !account.tokens.contains($0) }
            if kept != accounts[index].tokens { accounts[index].tokens = kept }
        }
        if let index = accounts.firstIndex(where: { $0.username == account.username }) {
            for token in account.tokens where !accounts[index].tokens.contains(token) {
                accounts[index].tokens.append(token)
            }
        } else {
            accounts.append(account)
        }
    }

    mutating func takeSequence() -> Int {
        defer { nextSequence += 1 }
        return nextSequence
    }
}
