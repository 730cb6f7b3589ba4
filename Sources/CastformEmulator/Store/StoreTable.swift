/// Rows of one kind by key, remembering which keys changed since they were last taken.
///
/// Routes read and write it like a dictionary (`table[id] = row`, `table[id]?.field = x`,
/// `table.values`); the store then journals only the changed keys, so a write costs the same
/// in a store of ten objects as in one of ten thousand.
struct StoreTable<Row: Sendable>: Sendable, Sequence {
    /// A changed key with its row before the first change and now (nil: absent).
    struct Change {
        var key: String
        var old: Row?
        var new: Row?
    }

    private(set) var rows: [String: Row] = [:]
    /// The row each changed key had before its first change since the last `takeChanges`.
    private var originals: [String: Row?] = [:]

    init() {}

    subscript(key: String) -> Row? {
        get { rows[key] }
        set {
            if originals.index(forKey: key) == nil { originals[key] = .some(rows[key]) }
            rows[key] = newValue
        }
    }

    var values: Dictionary<String, Row>.Values { rows.values }
    var count: Int { rows.count }
    var isEmpty: Bool { rows.isEmpty }

    func makeIterator() -> Dictionary<String, Row>.Iterator { rows.makeIterator() }

    /// The keys changed since the last call, and forgets them.
    mutating func takeChanges() -> [Change] {
        defer { originals.removeAll(keepingCapacity: true) }
        return originals.map { key, old in Change(key: key, old: old, new: rows[key]) }
    }
}
