import Foundation

/// A fresh directory under the system's temporary directory, removed by `remove()`.
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init(_ prefix: String = "castform-test") throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/\(prefix)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `contents` at `relative`, creating directories as needed.
    @discardableResult
    public func write(_ relative: String, _ contents: String) throws -> String {
        try write(relative, Data(contents.utf8))
    }

    @discardableResult
    public func write(_ relative: String, _ data: Data) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: full))
        return full
    }

    /// A sparse file of `size` bytes: as large as a real one to `stat`, free on disk.
    public func writeSparse(_ relative: String, size: Int64) throws {
        let full = try write(relative, Data())
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: full))
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
