import CastformHTTP
import Foundation
import Synchronization

/// The account whose shows castform manages: castform.yaml's `providers.mixcloud.user`, or,
/// without one, the owner of the access token, which `GET /me/` names (asked once per run).
/// The Python `mixcloud` library's show files name no account: the token says whose they are.
final class MixcloudOwner: Sendable {
    let configured: String?
    private let asked = Mutex<String?>(nil)
    /// Whose token it is and how many published shows `GET /me/` said they have (nil when
    /// `/me/` redirected instead of answering with the user).
    private let lookedUp = Mutex<(owner: String, shows: Int?)?>(nil)
    /// The one `GET /me/` of the run, shared by the preflight and a prefetch that waits for it.
    let lookup = Mutex<Task<String, any Error>?>(nil)

    init(configured: String?) {
        self.configured = configured.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The token's owner once asked, else the configured name, else "" (not known yet).
    var name: String {
        asked.withLock { $0 } ?? configured ?? ""
    }

    var isKnown: Bool { !name.isEmpty }

    func record(_ owner: String) {
        asked.withLock { $0 = owner }
    }

    func recordLookup(owner: String, shows: Int?) {
        lookedUp.withLock { $0 = (owner, shows) }
    }

    /// The show count `GET /me/` gave for `user`, when the token is `user`'s.
    func showCountFromLookup(of user: String) -> Int? {
        lookedUp.withLock { found in
            guard let found, found.owner.lowercased() == user.lowercased() else { return nil }
            return found.shows
        }
    }
}

extension MixcloudClient {
    /// The account's username, asking `/me/` when castform.yaml names none.
    func resolvedUser() async throws -> String {
        if owner.isKnown { return owner.name }
        let me = try await tokenOwner()
        owner.record(me)
        return me
    }

    /// Whose token this is (`GET /me/`). Mixcloud may answer 200 with the user, or redirect
    /// to `/<username>` as the Python library's mock does (FACTS.md §5): both are read.
    /// Asked once per client: every caller awaits the same request.
    func tokenOwner() async throws -> String {
        let task = owner.lookup.withLock { lookup in
            if let lookup { return lookup }
            let started = Task { try await askTokenOwner() }
            lookup = started
            return started
        }
        return try await task.value
    }

    /// Whether the token belongs to the account castform.yaml names (any, when it names none).
    func tokenMatchesConfiguredUser(_ tokenOwner: String) -> Bool {
        owner.configured.map { $0.lowercased() == tokenOwner.lowercased() } ?? true
    }

    private func askTokenOwner() async throws -> String {
        let response = try await http.send(HTTPRequest(.get, "/me/", accepting: [301, 302]))
        if let location = response.headers["Location"], let name = location.split(separator: "/").last(where: { !$0.contains("?") && !$0.contains(":") }) {
            return String(name)
        }
        let json = try response.json()
        guard let username = json["username"]?.string, !username.isEmpty else {
            throw MixcloudFailure.unexpected("Mixcloud's /me/ did not name the token's owner")
        }
        owner.recordLookup(owner: username, shows: MixcloudRemote.integer(json["cloudcast_count"]))
        return username
    }
}
