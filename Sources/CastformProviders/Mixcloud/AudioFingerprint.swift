import CastformCore
import Crypto
import Foundation

/// The audio's SHA-256, cached by path, size and modification time in the object's private
/// state data, so an unchanged file is not read again on every plan (a show is gigabytes).
struct AudioFingerprint: Sendable, Hashable {
    var sha256: String
    var size: Int64
    var modified: Double

    /// The fingerprint of `path`, reusing `cached` when size and mtime still match.
    static func of(_ path: String, cached: AudioFingerprint?) -> AudioFingerprint? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.int64Value,
              let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 else { return nil }
        if let cached, cached.size == size, cached.modified == modified { return cached }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return AudioFingerprint(sha256: digest, size: size, modified: modified)
    }

    init(sha256: String, size: Int64, modified: Double) {
        self.sha256 = sha256
        self.size = size
        self.modified = modified
    }

    init?(_ privateData: [String: Value]) {
        guard case .string(let sha)? = privateData["audio_sha256"], case .int(let size)? = privateData["audio_size"] else { return nil }
        let modified: Double
        switch privateData["audio_mtime"] {
        case .number(let value)?: modified = value
        case .int(let value)?: modified = Double(value)
        default: return nil
        }
        self.init(sha256: sha, size: Int64(size), modified: modified)
    }

    var privateData: [String: Value] {
        ["audio_sha256": .string(sha256), "audio_size": .int(Int(size)), "audio_mtime": .number(modified)]
    }
}
