import Foundation

/// What tests see of the emulator and how they arrange it: the current objects, the stored
/// files, tokens (add, revoke), accounts, and seeded shows for import tests.
extension MixcloudEmulator {
    /// Every cloudcast, drafts included, in creation order.
    public var cloudcasts: [MixcloudCloudcast] {
        get async { await store.read { $0.allShows } }
    }

    /// The cloudcast with `key` ("/deepsessions/deep-sessions-42/").
    public func cloudcast(key: String) async -> MixcloudCloudcast? {
        await store.read { $0.cloudcasts[key] }
    }

    public var accounts: [MixcloudAccount] {
        get async { await store.read { $0.accounts } }
    }

    /// The stored audio and picture files of all cloudcasts.
    public var uploadedFiles: [URL] {
        get async { await cloudcasts.flatMap { [$0.audio, $0.picture].compactMap { $0 } }.map(fileURL) }
    }

    public func fileURL(_ file: MixcloudStoredFile) -> URL {
        filesDirectory.appendingPathComponent(file.storedName)
    }

    /// Adds an account, or merges its tokens into the existing one of that username.
    public func addAccount(_ account: MixcloudAccount) async throws {
        try await store.mutate { $0.merge(account) }
    }

    public func addToken(_ token: String, for username: String) async throws {
        try await store.mutate { state in
            guard let index = state.accounts.firstIndex(where: { $0.username == username }) else { return }
            if !state.accounts[index].tokens.contains(token) { state.accounts[index].tokens.append(token) }
        }
    }

    /// Revokes a token, as a user can on Mixcloud's settings page: it then gets 400 "An
    /// invalid access token was provided".
    public func revokeToken(_ token: String) async throws {
        try await store.mutate { state in
            for index in state.accounts.indices where state.accounts[index].tokens.contains(token) {
                state.accounts[index].tokens.removeAll { $0 == token }
            }
        }
    }

    /// Creates `count` published shows for the account `owner` (default: the first account;
    /// none for an unknown username), as if uploaded through the web site an hour apart, the
    /// last one an hour ago: names "Seeded Show 1" ..., two tags, and a tracklist of a chapter
    /// and two tracks. They have no audio file; `audio_length` is one hour.
    @discardableResult
    public func seed(count: Int, owner: String? = nil) async throws -> [MixcloudCloudcast] {
        guard count > 0 else { return [] }
        let time = now()
        return try await store.mutate { state -> [MixcloudCloudcast] in
            let account = owner.map { state.account(username: $0) } ?? state.accounts.first
            guard let username = account?.username else { return [] }
            var created: [MixcloudCloudcast] = []
            for number in 1...count {
                let name = "Seeded Show \(number)"
                let createdTime = time - TimeInterval(3600 * (count - number + 1))
                let cloudcast = MixcloudCloudcast(
                    owner: username, slug: state.freeSlug(for: name, owner: username), name: name,
                    description: "Seeded show number \(number).", tags: ["seeded", number.isMultiple(of: 2) ? "deep house" : "techno"],
                    sections: [.chapter("Intro", at: 0), .track("Artist \(number)", "First Song", at: 60), .track("Artist \(number + 1)", "Second Song", at: 1800)],
                    hosts: [], audio: nil, picture: nil, audioLength: 3600, visibility: .published, publishDate: nil,
                    wasEverPublic: true, disableComments: false, hideStats: false, otherFields: [:],
                    createdTime: createdTime, updatedTime: createdTime, sequence: state.takeSequence()
                )
                state.cloudcasts[cloudcast.key] = cloudcast
                created.append(cloudcast)
            }
            return created
        }
    }

    /// Changes a show as its owner would on the web site; `updated_time` moves on.
    public func change(_ key: String, _ body: @escaping @Sendable (inout MixcloudCloudcast) -> Void) async throws {
        let time = now()
        try await store.mutate { state in
            guard var show = state.cloudcasts[key] else { return }
            body(&show)
            show.updatedTime = time
            state.cloudcasts[key] = show
        }
    }
}
