import Foundation

/// An emulator's data, in memory or persisted as JSON in a directory (the sandbox keeps its
/// remote under .castform/sandbox/ this way, so consecutive runs see a consistent service).
///
/// Every mutation runs under a lock and, with a directory, is written back atomically.
public final class PersistentBox<Contents: Codable & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var contents: Contents
    private let file: URL?

    /// Loads `name`.json from `directory` when it exists; otherwise starts from `initial`.
    public init(_ initial: Contents, directory: URL?, name: String) {
        file = directory?.appendingPathComponent("\(name).json")
        if let file, let data = try? Data(contentsOf: file), let loaded = try? JSONDecoder().decode(Contents.self, from: data) {
            contents = loaded
        } else {
            contents = initial
        }
        if let directory { try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }
    }

    public func read<T>(_ body: (Contents) throws -> T) rethrows -> T {
        try lock.withLock { try body(contents) }
    }

    public func mutate<T>(_ body: (inout Contents) throws -> T) rethrows -> T {
        try lock.withLock {
            let result = try body(&contents)
            save()
            return result
        }
    }

    private func save() {
        guard let file, let data = try? JSONEncoder().encode(contents) else { return }
        try? data.write(to: file, options: .atomic)
    }
}
