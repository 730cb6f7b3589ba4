/// What an emulator keeps in an `EmulatorStore`: its objects in tables, the indexes its routes
/// read, and the journal's vocabulary.
///
/// The store journals *changes*, not the whole contents: after every mutation it asks for the
/// rows that changed (`takeChanges`), writes one line per change, and on the next start replays
/// them (`apply`). A change is a whole row (or its removal), so replaying is idempotent and a
/// compacted journal is simply every row once (`snapshot`). Indexes are not journaled: they are
/// rebuilt from the changes as they are taken, at load and after every mutation.
protocol StoreContents: Sendable {
    /// One journal line: a row set or removed.
    associatedtype Change: Codable & Sendable
    /// The document the store wrote before it kept a journal (one JSON file), still loadable.
    associatedtype Legacy: Decodable

    init()
    init(migrating legacy: Legacy)

    /// Replays one journal line.
    mutating func apply(_ change: Change)
    /// The rows changed since the last call, as journal lines; the indexes are brought up to
    /// date with them.
    mutating func takeChanges() -> [Change]
    /// Every row once: the compacted journal.
    var snapshot: [Change] { get }
    /// How many lines `snapshot` would have: the journal is compacted when it holds twice that.
    var rowCount: Int { get }
}
