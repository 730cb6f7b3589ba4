import CastformHTTP
import Foundation

/// A Livecoding.tv login as the credentials file keeps it: the access token, the refresh
/// token (single-use: each refresh gives the next), when the access token expires, the scopes.
struct LivecodingGrant: Codable, Sendable, Equatable {
    var access: String
    var refresh: String
    var expiry: Double
    var scope: String

    /// A token endpoint's answer, `now` the time it came.
    init?(_ json: JSONValue, now: Double) {
        guard let access = json["access_token"]?.string, let refresh = json["refresh_token"]?.string else { return nil }
        self.access = access
        self.refresh = refresh
        expiry = now + (json["expires_in"]?.number ?? 3600)
        scope = json["scope"]?.string ?? "read"
    }

    static func load(_ store: CredentialStore, key: String) -> LivecodingGrant? {
        guard let text = try? store.token(for: key) else { return nil }
        return try? JSONDecoder().decode(LivecodingGrant.self, from: Data(text.utf8))
    }

    func save(_ store: CredentialStore, key: String) throws {
        try store.store(String(decoding: try JSONEncoder().encode(self), as: UTF8.self), for: key)
    }
}

/// An exclusive `flock` on a file beside the credentials file, held while a refresh spends the
/// refresh token and stores the next: two castform processes never spend the same one.
struct CredentialsLock {
    let descriptor: Int32

    init(_ path: String) throws(LivecodingProblem) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        descriptor = open(path, O_RDWR | O_CREAT, 0o600)
        guard descriptor >= 0 else { throw .credentialsFile(path: path, detail: String(cString: strerror(errno))) }
        // Blocking: the holder is a refresh of a few hundred milliseconds.
        guard flock(descriptor, LOCK_EX) == 0 else {
            close(descriptor)
            throw .credentialsFile(path: path, detail: String(cString: strerror(errno)))
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
