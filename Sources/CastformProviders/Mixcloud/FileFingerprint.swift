import CastformCore
import Crypto
import Foundation

/// A local file's SHA-256 (a show's audio, its picture), cached by path, size and
/// modification time in the object's private state data, so an unchanged file is not read
/// again on every plan (a show is gigabytes). Mixcloud returns neither file, so this is how
/// castform tells that the file behind an unchanged path now holds something else.
struct FileFingerprint: Sendable, Hashable {
    /// Which file of the show: the prefix of its private-data keys (`audio_sha256`).
    enum Role: String, Sendable {
        case audio, picture

        /// The private-data keys, made once: every show's fingerprint is read on every plan.
        var keys: (sha256: String, size: String, mtime: String) {
            switch self {
            case .audio: return ("audio_sha256", "audio_size", "audio_mtime")
            case .picture: return ("picture_sha256", "picture_size", "picture_mtime")
            }
        }
    }

    var sha256: String
    var size: Int64
    var modified: Double

    /// A regular file's size and modification time.
    struct Stat: Sendable, Hashable {
        var size: Int64
        var modified: Double
    }

    /// `path`'s size and mtime; nil when it is not a regular file. stat(2), not FileManager's
    /// attributes (a dictionary per call, once per show per plan); and of the file a link
    /// points to, whose content is what gets hashed.
    static func status(_ path: String) -> Stat? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Stat(size: Int64(info.st_size), modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9)
    }

    /// The fingerprint of `path`, reusing `cached` when size and mtime still match. `stats`
    /// shares the stat of a file many objects name (one read of 10,000 shows of one file).
    static func of(_ path: String, cached: FileFingerprint?, stats: MemoTable<String, Stat?>? = nil) -> FileFingerprint? {
        guard let stat = stats.map({ $0.value(for: path) { Self.status(path) } }) ?? Self.status(path) else { return nil }
        let (size, modified) = (stat.size, stat.modified)
        if let cached, cached.size == size, cached.modified == modified { return cached }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        let digest = Array(hasher.finalize()).lowercaseHex
        return FileFingerprint(sha256: digest, size: size, modified: modified)
    }

    init(sha256: String, size: Int64, modified: Double) {
        self.sha256 = sha256
        self.size = size
        self.modified = modified
    }

    init?(_ privateData: [String: Value], _ role: Role) {
        let keys = role.keys
        guard case .string(let sha)? = privateData[keys.sha256], case .int(let size)? = privateData[keys.size] else { return nil }
        let modified: Double
        switch privateData[keys.mtime] {
        case .number(let value)?: modified = value
        case .int(let value)?: modified = Double(value)
        default: return nil
        }
        self.init(sha256: sha, size: Int64(size), modified: modified)
    }

    func privateData(_ role: Role) -> [String: Value] {
        let keys = role.keys
        return [keys.sha256: .string(sha256), keys.size: .int(Int(size)), keys.mtime: .number(modified)]
    }
}
