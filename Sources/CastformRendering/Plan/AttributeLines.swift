import CastformCore
import CastformPlanning

/// The attribute lines under one change: all set values for a create, old → new for the
/// changed attributes of an update or replacement, nothing for a delete.
struct AttributeLines {
    struct Line {
        var symbol: String
        var name: String
        var text: String
        var forcesReplacement: Bool
    }

    static func lines(for entry: PlanDocument.Entry) -> [Line] {
        let change = entry.change
        let kind = ChangeKind(actions: change.actions)
        let after = fields(change.after)
        let before = fields(change.before)
        switch kind {
        case .create, .read:
            return after.keys.sorted().compactMap { name in
                let value = after[name]
                if value == .null, change.afterUnknown[name] != .bool(true), change.afterSensitive[name] != .bool(true) { return nil }
                return Line(symbol: "+", name: name,
                            text: ValueFormatter.format(value, sensitive: change.afterSensitive[name], unknown: change.afterUnknown[name]),
                            forcesReplacement: false)
            }
        case .update, .replaceCreateFirst, .replaceDestroyFirst:
            let forcing = Set(entry.replacePaths.compactMap(\.first))
            return entry.changedAttributes.map { name in
                if name.hasPrefix("lifecycle."), let lifecycle = entry.lifecycle {
                    let option = String(name.dropFirst("lifecycle.".count))
                    let text = "\(ValueFormatter.format(lifecycle.before[option], sensitive: nil, unknown: nil)) -> \(ValueFormatter.format(lifecycle.after[option], sensitive: nil, unknown: nil))"
                    return Line(symbol: "~", name: name, text: text + " (recorded in state only)", forcesReplacement: false)
                }
                let old = ValueFormatter.format(before[name], sensitive: change.beforeSensitive[name], unknown: nil)
                let new = ValueFormatter.format(after[name], sensitive: change.afterSensitive[name], unknown: change.afterUnknown[name])
                let text = old == "(sensitive)" && new == "(sensitive)" ? "(sensitive value changes)" : "\(old) -> \(new)"
                return Line(symbol: "~", name: name, text: text, forcesReplacement: forcing.contains(name))
            }
        default:
            return []
        }
    }

    static func fields(_ value: Value?) -> [String: Value] {
        if case .object(let fields)? = value { return fields }
        return [:]
    }
}
