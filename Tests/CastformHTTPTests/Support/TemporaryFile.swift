import Foundation

/// A file in a fresh temporary directory, removed when the test is done with it.
struct TemporaryFile {
    let path: String

    /// Writes `bytes` to a new file called `name`.
    static func with<Result>(named name: String = "upload.mp3", bytes: [UInt8], _ body: (TemporaryFile) async throws -> Result) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("castform-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return try await body(TemporaryFile(path: url.path))
    }

    /// Deterministic bytes that are not all alike, so a shifted or truncated copy is caught.
    static func pattern(count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }
}
