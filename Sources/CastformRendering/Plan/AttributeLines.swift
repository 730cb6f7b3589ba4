import CastformCore
import CastformPlanning

/// The attribute lines under one change: all set values for a create, the changed attributes
/// of an update or replacement (nested values key by key and element by element, see
/// `NestedDiff`), nothing for a delete. Both renderers draw these same lines.
struct AttributeLines {
    struct Line: Equatable {
        /// How deep in nested values: 0 for the resource's own attributes.
        var depth: Int
        /// `+`, `-`, `~`, or a space for context, comments and closing brackets.
        var symbol: String
        /// The key, padded to its siblings' width; nil for list elements, comments, brackets.
        var name: String?
        var text: String
        var forcesReplacement = false
        var isComment = false

        /// The line without its symbol and indentation: `name = text`, or the text alone.
        var body: String { name.map { "\($0) = \(text)" } ?? text }
    }

    static func lines(for entry: PlanDocument.Entry, in document: PlanDocument) -> [Line] {
        let change = entry.change
        let after = fields(Value.rejoined(change.after, sensitive: change.afterSensitive, unknown: change.afterUnknown))
        let before = fields(Value.rejoined(change.before, sensitive: change.beforeSensitive, unknown: nil))
        switch ChangeKind(actions: change.actions) {
        case .create, .read:
            return aligned(after.keys.sorted().flatMap { name in
                NestedDiff().key(name, old: nil, new: after[name], display: document.display(entry, name), depth: 0)
            })
        case .update, .replaceCreateFirst, .replaceDestroyFirst:
            let forcing = Set(entry.replacePaths.compactMap(\.first))
            return aligned(entry.changedAttributes.flatMap { name in
                var lines = changed(name, entry: entry, before: before, after: after, display: document.display(entry, name))
                if forcing.contains(name), !lines.isEmpty { lines[0].forcesReplacement = true }
                return lines
            })
        default:
            return []
        }
    }

    /// One changed attribute. When the nested diff finds nothing to show (a secret inside
    /// changed, or a difference the diff normalises away), the attribute still shows as changed.
    static func changed(_ name: String, entry: PlanDocument.Entry, before: [String: Value], after: [String: Value],
                        display: ValueDisplay?) -> [Line] {
        if name.hasPrefix("lifecycle."), let lifecycle = entry.lifecycle {
            let option = String(name.dropFirst("lifecycle.".count))
            let text = "\(ValueFormatter.format(lifecycle.before[option])) -> \(ValueFormatter.format(lifecycle.after[option]))"
            return [Line(depth: 0, symbol: "~", name: name, text: text + " (recorded in state only)")]
        }
        let diff = NestedDiff(secretsChange: entry.changedSensitiveAttributes?.contains(name) ?? false)
        let lines = diff.key(name, old: before[name], new: after[name], display: display, depth: 0)
        if !lines.isEmpty { return lines }
        let (old, new) = (before[name] ?? .null, after[name] ?? .null)
        let text = old.containsSensitive || new.containsSensitive
            ? "(sensitive value changes)" : diff.change(old, new, display: display)
        return [Line(depth: 0, symbol: "~", name: name, text: text)]
    }

    /// Names padded to the widest among their siblings: the keys of one object line up.
    static func aligned(_ lines: [Line]) -> [Line] {
        // A line's block is the nearest line before it one level up (its opening line).
        var opener: [Int: Int] = [:]
        var block: [Int] = []
        for (index, line) in lines.enumerated() {
            block.append(line.depth == 0 ? -1 : opener[line.depth - 1] ?? -1)
            opener[line.depth] = index
        }
        var widths: [Int: Int] = [:]
        for (index, line) in lines.enumerated() where line.name != nil {
            widths[block[index]] = max(widths[block[index]] ?? 0, line.name!.count)
        }
        return lines.enumerated().map { index, line in
            guard let name = line.name else { return line }
            var padded = line
            padded.name = name + String(repeating: " ", count: (widths[block[index]] ?? 0) - name.count)
            return padded
        }
    }

    static func fields(_ value: Value?) -> [String: Value] {
        value?.fields ?? [:]
    }
}
