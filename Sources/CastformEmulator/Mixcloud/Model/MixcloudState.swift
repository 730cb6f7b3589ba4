import Foundation

/// Everything the Mixcloud emulator persists: accounts with their tokens, cloudcasts, and
/// pending OAuth codes. One JSON document in a `PersistentBox`.
struct MixcloudState: Codable, Sendable {
    var accounts: [MixcloudAccount] = []
    var cloudcasts: [MixcloudCloudcast] = []
    var authorizationCodes: [MixcloudAuthorizationCode] = []
    var nextSequence = 1

    func account(token: String) -> MixcloudAccount? {
        accounts.first { $0.tokens.contains(token) }
    }

    /// Usernames match without regard to case, as Mixcloud's URLs do.
    func account(username: String) -> MixcloudAccount? {
        accounts.first { $0.username.lowercased() == username.lowercased() }
    }

    func cloudcastIndex(owner: String, slug: String) -> Int? {
        cloudcasts.firstIndex { $0.owner.lowercased() == owner.lowercased() && $0.slug == slug }
    }

    /// The slug for a new upload of `owner`: the name's slug, or with "-2", "-3", ... when the
    /// owner already has a show with it (drafts included: a slug is a URL, never reused).
    func freeSlug(for name: String, owner: String) -> String {
        let base = Slug.make(from: name)
        let taken = Set(cloudcasts.filter { $0.owner == owner }.map(\.slug))
        guard taken.contains(base) else { return base }
        var suffix = 2
        while taken.contains("\(base)-\(suffix)") { suffix += 1 }
        return "\(base)-\(suffix)"
    }

    /// Adds `account`, or merges its tokens into the stored account of that username. A token
    /// acts as one user only: one that another account held moves to this one (a sandbox whose
    /// workspace now names another user hands its token over).
    mutating func merge(_ account: MixcloudAccount) {
        for index in accounts.indices where accounts[index].username != account.username {
            accounts[index].tokens.removeAll { account.tokens.contains($0) }
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
