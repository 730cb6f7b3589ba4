import CastformCore
import CastformHTTP
import Foundation

/// A show castform looks for among the owner's: by its title (trimmed, without regard to
/// case), at the addresses its slug gives, optionally no older than a moment.
struct ShowWanted {
    var title: String
    var slug: String?
    var notBefore: Date?

    func matches(_ json: JSONValue) -> Bool {
        guard MixcloudFields.trimmed(json["name"]?.string ?? "").lowercased() == title.lowercased() else { return false }
        guard let notBefore, let created = json["created_time"]?.string.flatMap(MixcloudProvider.date) else { return true }
        return created >= notBefore
    }
}

/// The owner's shows as recovery and the twin search read them: the public list once, single
/// keys as needed (each read once, with the owner's token, which also sees unlisted, scheduled
/// and draft shows), and the keys already given away or held by state.
struct ShowSearch {
    let client: MixcloudClient
    var taken: Set<String>
    var listed: [JSONValue] = []
    var read: [String: JSONValue?] = [:]
    var requests = 0
    /// Whether the last search read a key that does not exist: where Mixcloud would have put
    /// a new upload of the title, so nothing found there means nothing made.
    private(set) var reachedFreeKey = false

    init(client: MixcloudClient, taken: Set<String>) {
        self.client = client
        self.taken = taken
    }

    /// Reads the public list, or takes the one `prefetched` started for this plan.
    mutating func readList(_ prefetched: HeadStart<([JSONValue], Int)>? = nil) async throws {
        let client = client
        let (items, count): ([JSONValue], Int)
        if let prefetched {
            (items, count) = try await prefetched.take { try await client.list() }
        } else {
            (items, count) = try await client.list()
        }
        listed = items
        requests += count
    }

    /// The first show that is `wanted`, with its full JSON, taken so no other search gets it.
    mutating func find(_ wanted: ShowWanted) async throws -> (String, JSONValue)? {
        guard let first = try await search(wanted, all: false).first else { return nil }
        taken.insert(first.0)
        return first
    }

    /// Every show that is `wanted` and not taken (nothing is taken).
    mutating func findAll(_ wanted: ShowWanted) async throws -> [(String, JSONValue)] {
        try await search(wanted, all: true)
    }

    /// Listed shows first, oldest first (a public show whose slug castform would not have
    /// guessed); then the keys a new upload of the title is given, in Mixcloud's order, up to
    /// the first that does not exist.
    private mutating func search(_ wanted: ShowWanted, all: Bool) async throws -> [(String, JSONValue)] {
        reachedFreeKey = false
        var found: [(String, JSONValue)] = []
        for item in listed.reversed() where wanted.matches(item) {
            let key = MixcloudClient.normalisedKey(item["key"]?.string ?? "")
            if !taken.contains(key), let json = try await show(key), wanted.matches(json) {
                found.append((key, json))
                if !all { return found }
            }
        }
        guard let slug = wanted.slug else { return found }
        for key in MixcloudSlug.candidates(slug, owner: client.user, count: MixcloudProvider.slugProbes) where !taken.contains(key) {
            guard let json = try await show(key) else {
                reachedFreeKey = true
                return found
            }
            if wanted.matches(json), !found.contains(where: { $0.0 == key }) {
                found.append((key, json))
                if !all { return found }
            }
        }
        return found
    }

    private mutating func show(_ key: String) async throws -> JSONValue? {
        if let known = read[key] { return known }
        let json = try await client.cloudcast(key)
        requests += 1
        read[key] = json
        return json
    }
}
