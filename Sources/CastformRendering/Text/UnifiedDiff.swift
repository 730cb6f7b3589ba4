/// Two versions of a text as a unified diff (`diff -u`'s format), for `castform fmt --diff`.
///
/// Lines are matched by a longest common subsequence after the common head and tail are set
/// aside; a middle too large for that (a whole 100,000-line file rewritten) is shown as one
/// hunk that replaces it, which is still a correct diff.
public enum UnifiedDiff {
    static let context = 3
    static let largestTable = 16_000_000

    public static func render(old: String, new: String, path: String) -> String {
        let a = lines(old), b = lines(new)
        let edits = script(a, b)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var text = "--- a/\(path)\n+++ b/\(path)\n"
        for hunk in hunks(edits) { text += render(hunk) }
        return text
    }

    enum Kind { case same, removed, added }

    struct Edit {
        var kind: Kind
        var text: String
        /// 1-based line numbers in the old and the new text (of the line, or before it).
        var old: Int
        var new: Int
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The edit script: every line of both texts, in order, as kept, removed or added.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let middle = middleKinds(Array(a[head..<(a.count - tail)]), Array(b[head..<(b.count - tail)]))
        let kinds = Array(repeating: Kind.same, count: head) + middle + Array(repeating: Kind.same, count: tail)
        var edits: [Edit] = []
        var (i, j) = (0, 0)
        for kind in kinds {
            switch kind {
            case .same: edits.append(Edit(kind: .same, text: a[i], old: i + 1, new: j + 1)); i += 1; j += 1
            case .removed: edits.append(Edit(kind: .removed, text: a[i], old: i + 1, new: j)); i += 1
            case .added: edits.append(Edit(kind: .added, text: b[j], old: i, new: j + 1)); j += 1
            }
        }
        return edits
    }

    private static func middleKinds(_ a: [String], _ b: [String]) -> [Kind] {
        guard !a.isEmpty, !b.isEmpty, a.count * b.count <= largestTable else {
            return Array(repeating: .removed, count: a.count) + Array(repeating: .added, count: b.count)
        }
        // lengths[i][j]: the LCS of a[i...] and b[j...], in one flat table.
        let width = b.count + 1
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] = a[i] == b[j] ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var kinds: [Kind] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                kinds.append(.same); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                kinds.append(.removed); i += 1
            } else {
                kinds.append(.added); j += 1
            }
        }
        return kinds
    }

    /// Runs of changes with up to `context` kept lines around them; close runs merge.
    static func hunks(_ edits: [Edit]) -> [ArraySlice<Edit>] {
        let changed = edits.indices.filter { edits[$0].kind != .same }
        var hunks: [ArraySlice<Edit>] = []
        var start = max(changed[0] - context, 0)
        var end = min(changed[0] + context, edits.count - 1)
        for index in changed.dropFirst() {
            if index - context > end + 1 {
                hunks.append(edits[start...end])
                start = index - context
            }
            end = min(index + context, edits.count - 1)
        }
        hunks.append(edits[start...end])
        return hunks
    }

    static func render(_ hunk: ArraySlice<Edit>) -> String {
        let oldCount = hunk.filter { $0.kind != .added }.count
        let newCount = hunk.filter { $0.kind != .removed }.count
        let first = hunk.first!
        let oldStart = oldCount == 0 ? first.old : (hunk.first { $0.kind != .added }?.old ?? first.old)
        let newStart = newCount == 0 ? first.new : (hunk.first { $0.kind != .removed }?.new ?? first.new)
        var text = "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
        for edit in hunk {
            switch edit.kind {
            case .same: text += " \(edit.text)\n"
            case .removed: text += "-\(edit.text)\n"
            case .added: text += "+\(edit.text)\n"
            }
        }
        return text
    }
}
