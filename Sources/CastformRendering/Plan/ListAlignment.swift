import CastformCore

/// Pairs the elements of a list's old and new versions, so a plan shows what happened to each
/// element rather than a changed list.
///
/// With identity keys (an element named by its `name`), elements with the same identity are the same
/// element, wherever they stand. Without, equal elements are lined up first (a longest common
/// subsequence), and between two lined-up elements similar ones are paired, in order: an
/// element inserted in a list is one added element, not every later element changed, and an
/// element with one value corrected is one changed element.
enum ListAlignment {
    enum Step: Equatable {
        case same(old: Int, new: Int)
        case changed(old: Int, new: Int)
        case removed(old: Int)
        case added(new: Int)
    }

    /// `equal` says whether two elements are the same (a diff that knows a secret inside
    /// changed never calls two elements holding secrets the same).
    static func align(_ old: [Value], _ new: [Value], identity: [String]?,
                      equal: (Value, Value) -> Bool = { $0.isEquivalent(to: $1) }) -> [Step] {
        if let identity, !identity.isEmpty { return byIdentity(old, new, keys: identity, equal: equal) }
        return byContent(old, new, equal: equal)
    }

    /// Elements matched by their identity keys; removed ones are shown where they stood.
    static func byIdentity(_ old: [Value], _ new: [Value], keys: [String], equal: (Value, Value) -> Bool) -> [Step] {
        var unmatched: [Value: [Int]] = [:]
        for (index, element) in old.enumerated() { unmatched[identity(element, keys), default: []].append(index) }
        var match: [Int?] = []
        for element in new {
            let key = identity(element, keys)
            match.append(unmatched[key]?.first)
            if unmatched[key]?.isEmpty == false { unmatched[key]!.removeFirst() }
        }
        let matched = Set(match.compactMap { $0 })
        var steps: [Step] = []
        var cursor = 0
        for (newIndex, oldIndex) in match.enumerated() {
            if let oldIndex {
                while cursor < oldIndex {
                    if !matched.contains(cursor) { steps.append(.removed(old: cursor)) }
                    cursor += 1
                }
                cursor = max(cursor, oldIndex + 1)
                steps.append(equal(old[oldIndex], new[newIndex]) ? .same(old: oldIndex, new: newIndex) : .changed(old: oldIndex, new: newIndex))
            } else {
                steps.append(.added(new: newIndex))
            }
        }
        for index in cursor..<max(cursor, old.count) where !matched.contains(index) { steps.append(.removed(old: index)) }
        return steps
    }

    static func identity(_ element: Value, _ keys: [String]) -> Value {
        .list(keys.map { element[$0] ?? .null })
    }

    /// Equal elements lined up; in the gaps between them, similar elements are paired.
    static func byContent(_ old: [Value], _ new: [Value], equal: (Value, Value) -> Bool) -> [Step] {
        let anchors = commonSubsequence(old, new, equal: equal)
        var steps: [Step] = []
        var (i, j) = (0, 0)
        for (oldAnchor, newAnchor) in anchors + [(old.count, new.count)] {
            steps += gap(Array(i..<oldAnchor), Array(j..<newAnchor), old, new)
            if oldAnchor < old.count { steps.append(.same(old: oldAnchor, new: newAnchor)) }
            (i, j) = (oldAnchor + 1, newAnchor + 1)
        }
        return steps
    }

    /// Between two lined-up elements: pairs of similar elements (half their keys or more
    /// equal: one value corrected) are one changed element, in order; the rest are removed
    /// and added. A new element beside a corrected one stays a new element.
    static func gap(_ removed: [Int], _ added: [Int], _ old: [Value], _ new: [Value]) -> [Step] {
        let pairs = commonSubsequence(removed.map { old[$0] }, added.map { new[$0] }, equal: similar)
        var steps: [Step] = []
        var (r, a) = (0, 0)
        for (pairedRemoved, pairedAdded) in pairs + [(removed.count, added.count)] {
            steps += removed[r..<pairedRemoved].map { .removed(old: $0) }
            steps += added[a..<pairedAdded].map { .added(new: $0) }
            if pairedRemoved < removed.count { steps.append(.changed(old: removed[pairedRemoved], new: added[pairedAdded])) }
            (r, a) = (pairedRemoved + 1, pairedAdded + 1)
        }
        return steps
    }

    /// Two objects that share at least half of their keys' values.
    static func similar(_ a: Value, _ b: Value) -> Bool {
        guard case .object(let first) = a, case .object(let second) = b else { return false }
        let keys = Set(first.keys).union(second.keys).filter { (first[$0] ?? .null) != .null || (second[$0] ?? .null) != .null }
        let shared = keys.filter { key in (first[key] ?? .null).isEquivalent(to: second[key] ?? .null) }.count
        return !keys.isEmpty && shared * 2 >= keys.count
    }

    /// The index pairs of a longest common subsequence of equal elements, in order.
    static func commonSubsequence(_ old: [Value], _ new: [Value], equal: (Value, Value) -> Bool) -> [(Int, Int)] {
        let (n, m) = (old.count, new.count)
        guard n > 0, m > 0 else { return [] }
        // lengths[i][j]: the longest common subsequence of old[i...] and new[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = equal(old[i], new[j]) ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var (i, j) = (0, 0)
        while i < n, j < m {
            if equal(old[i], new[j]) {
                pairs.append((i, j))
                (i, j) = (i + 1, j + 1)
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }
}
