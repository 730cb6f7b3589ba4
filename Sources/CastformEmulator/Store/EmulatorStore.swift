import Foundation
import Logging

/// An emulator's data, in memory or persisted in a directory (the sandbox keeps its remote
/// under .castform/sandbox/ this way, so consecutive runs see a consistent service).
///
/// An actor, like Hummingbird's `MemoryPersistDriver`: every read and change runs on it, one at
/// a time, and the compiler checks that nothing reaches the contents another way. A change is
/// journaled before `mutate` returns (`StoreJournal`: one line per changed row), so its cost
/// does not grow with the store; a change that cannot be written is an error the route returns
/// and the emulator logs.
actor EmulatorStore<Contents: StoreContents> {
    private var contents: Contents
    private let journal: StoreJournal<Contents>?
    private let logger = Logger(label: "castform.emulator.store")

    /// Loads `<name>.journal` (or an older `<name>.json`) from `directory`, or starts empty;
    /// then runs `prepare` (accounts the emulator was given) and saves what it changed.
    /// Without a directory the contents live in memory only and this cannot fail.
    init(directory: URL?, name: String, prepare: (inout Contents) -> Void = { _ in }) throws {
        var contents = Contents()
        var journal: StoreJournal<Contents>?
        if let directory {
            let opened = try StoreJournal<Contents>.open(directory: directory, name: name)
            journal = opened.0
            contents = opened.1
        }
        prepare(&contents)
        let changes = contents.takeChanges()
        try journal?.append(changes, contents: contents)
        self.contents = contents
        self.journal = journal
    }

    /// An in-memory store, which cannot fail to load.
    init(prepare: (inout Contents) -> Void = { _ in }) {
        var contents = Contents()
        prepare(&contents)
        _ = contents.takeChanges()
        self.contents = contents
        journal = nil
    }

    func read<T: Sendable>(_ body: @Sendable (Contents) throws -> T) rethrows -> T {
        try body(contents)
    }

    /// Runs `body` on the contents and journals what it changed, also when `body` throws: the
    /// services are not transactional either (Livepeer keeps inline targets created when a
    /// later rule fails), and memory and journal must agree.
    func mutate<T: Sendable>(_ body: @Sendable (inout Contents) throws -> T) throws -> T {
        let result = Result { try body(&contents) }
        let changes = contents.takeChanges()
        if let journal {
            do {
                try journal.append(changes, contents: contents)
            } catch {
                logger.error("\(error)")
                throw error
            }
        }
        return try result.get()
    }
}
