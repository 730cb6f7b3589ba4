import CastformCore
import Foundation

/// The user's castform credentials file: tokens stored by `castform login`, one entry per
/// provider, created with mode 0600 (it holds secrets) and written atomically.
public struct CredentialStore: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The stored secret for a provider, or nil.
    public func token(for provider: String) throws -> String? {
        try entries()[provider]
    }

    public func store(_ token: String, for provider: String) throws {
        var all = try entries()
        all[provider] = token
        try write(all)
    }

    /// Removes a provider's token; returns whether there was one.
    @discardableResult
    public func remove(_ provider: String) throws -> Bool {
        var all = try entries()
        guard all.removeValue(forKey: provider) != nil else { return false }
        try write(all)
        return true
    }

    /// `castform logout PROVIDER`: every entry of the provider — its token, and what it keeps
    /// per endpoint (`PROVIDER@URL`) or beside it (`PROVIDER-client`, `PROVIDER-token@URL`).
    @discardableResult
    public func removeAll(of provider: String) throws -> Bool {
        var all = try entries()
        let keys = all.keys.filter { $0 == provider || $0.hasPrefix(provider + "@") || $0.hasPrefix(provider + "-") }
        guard !keys.isEmpty else { return false }
        for key in keys { all.removeValue(forKey: key) }
        try write(all)
        return true
    }

    func entries() throws -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        guard let decoded = try? JSONDecoder().decode([String: String].self, from: data) else {
            throw CredentialError.unreadable(path)
        }
        return decoded
    }

    private func write(_ entries: [String: String]) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(entries)
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CredentialError.unwritable(path) }
        let written = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        guard written == data.count, rename(temporary, path) == 0 else { throw CredentialError.unwritable(path) }
    }
}

public enum CredentialError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    case unwritable(String)
    /// No credentials anywhere; the message says where castform looked and what to do.
    case missing(provider: String, hint: String)

    public var message: String {
        switch self {
        case .unreadable(let path): return "cannot read the credentials file \(path): it is not castform's JSON; remove it and log in again"
        case .unwritable(let path): return "cannot write the credentials file \(path)"
        case .missing(_, let hint): return hint
        }
    }
}

extension CredentialError {
    public var description: String { message }
}
