import CastformCore
import Foundation
import Synchronization

/// The fake service's data: in memory, or in a JSON file shared by processes (the test bed
/// runs as separate castform processes, some of them killed mid-apply).
///
/// Every operation takes an exclusive `flock` on the file, reads, changes, and writes it back
/// atomically, so a process killed at any instant leaves the "remote" consistent.
public final class FakeStore: Sendable {
    public struct Object: Codable, Sendable, Equatable {
        public var type: String
        public var id: String
        public var attributes: [String: Value]
        /// The castform address and lineage that created it: how `recover` finds it.
        public var owner: String
        public var lineage: String
    }

    public struct Contents: Codable, Sendable {
        public var counter = 0
        public var objects: [String: Object] = [:]
        /// One line per request, e.g. "create fake_object a", for assertions.
        public var log: [String] = []
        /// What the data source `fake_lookup` gives as `items` for each `key`: tests change
        /// it to see instances of a `for_each` over it come and go.
        public var data: [String: Value]? = nil
    }

    private let path: String?
    /// Attempts per object name in this process, for flaky faults.
    let attempts = AttemptCounter()
    /// In memory, or (with a path) nothing but the lock that serialises this process's
    /// accesses before the file lock serialises the processes'.
    private let memory = Mutex(Contents())

    /// `path` nil keeps everything in memory.
    public init(path: String? = nil) {
        self.path = path
    }

    public func read() -> Contents {
        withContents { $0 }
    }

    /// Runs `body` on the contents with exclusive access, saving what it changes.
    public func withContents<T: Sendable>(_ body: (inout Contents) throws -> T) rethrows -> T {
        try memory.withLock { memory in try withContents(in: &memory, body) }
    }

    private func withContents<T>(in memory: inout Contents, _ body: (inout Contents) throws -> T) rethrows -> T {
        guard let path else { return try body(&memory) }
        let fd = open(path + ".lock", O_RDWR | O_CREAT, 0o600)
        flock(fd, LOCK_EX)
        defer {
            flock(fd, LOCK_UN)
            close(fd)
        }
        var contents = FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode(Contents.self, from: $0) } ?? Contents()
        let result = try body(&contents)
        if let data = try? JSONEncoder().encode(contents) {
            let temporary = path + ".tmp-\(getpid())"
            FileManager.default.createFile(atPath: temporary, contents: data)
            rename(temporary, path)
        }
        return result
    }
}
