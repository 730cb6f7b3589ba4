import CastformCore

/// Pairs the elements of a list's old and new versions, so a plan shows what happened to each
/// element rather than a changed list.
///
/// With identity keys (a rendition by its name), elements with the same identity are the same
/// element, wherever they stand. Without, equal elements are lined up first (a longest common
/// subsequence), and what lies between two lined-up elements is paired by position: a track
/// inserted in a tracklist is one added track, not every later track changed, and a track
/// whose title was corrected is one changed track.
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

    /// Equal elements lined up, the gaps between them paired by position.
    static func byContent(_ old: [Value], _ new: [Value], equal: (Value, Value) -> Bool) -> [Step] {
        let anchors = commonSubsequence(old, new, equal: equal)
        var steps: [Step] = []
        var (i, j) = (0, 0)
        for (oldAnchor, newAnchor) in anchors + [(old.count, new.count)] {
            let removed = Array(i..<oldAnchor)
            let added = Array(j..<newAnchor)
            for offset in 0..<max(removed.count, added.count) {
                switch (offset < removed.count ? removed[offset] : nil, offset < added.count ? added[offset] : nil) {
                case let (o?, n?): steps.append(.changed(old: o, new: n))
                case let (o?, nil): steps.append(.removed(old: o))
                case let (nil, n?): steps.append(.added(new: n))
                case (nil, nil): break
                }
            }
            if oldAnchor < old.count { steps.append(.same(old: oldAnchor, new: newAnchor)) }
            (i, j) = (oldAnchor + 1, newAnchor + 1)
        }
        return steps
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
