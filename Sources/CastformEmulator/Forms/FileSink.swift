import Crypto
import Foundation

/// Writes one uploaded file part to disk as it streams in, hashing and counting it.
///
/// Past `limit` bytes it stops writing but keeps counting, so the route can answer with the
/// size that was sent (services validate only after the whole body arrived) without filling
/// the disk with a file it will reject.
final class FileSink {
    private let url: URL
    private let handle: FileHandle
    private let filename: String
    private let contentType: String?
    private let limit: Int64
    private var hasher = SHA256()
    private var byteCount: Int64 = 0

    init(url: URL, filename: String, contentType: String?, limit: Int64) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        self.url = url
        self.filename = filename
        self.contentType = contentType
        self.limit = limit
        handle = try FileHandle(forWritingTo: url)
    }

    func write(_ bytes: [UInt8]) throws {
        let before = byteCount
        byteCount += Int64(bytes.count)
        guard before < limit else { return }
        let kept = byteCount > limit ? bytes.prefix(Int(limit - before)) : bytes[...]
        hasher.update(data: kept)
        try handle.write(contentsOf: kept)
    }

    /// Closes the file; one over the limit is deleted and reported without a URL.
    func finish() throws -> ReceivedFile {
        try handle.close()
        let exceeded = byteCount > limit
        if exceeded { try? FileManager.default.removeItem(at: url) }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return ReceivedFile(url: exceeded ? nil : url, filename: filename, contentType: contentType,
                            byteCount: byteCount, sha256: digest, exceededLimit: exceeded)
    }

    /// Closes and deletes the file, for a body that broke off.
    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(at: url)
    }
}
