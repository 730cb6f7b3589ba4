import CastformCore
import CastformPlanning

/// The lines that show one value going from old to new, Terraform's nested diff style: an
/// object as one line per key (changed keys only, unchanged ones counted), a list of objects
/// as one line per element (added `+`, removed `-`, changed `~`, unchanged ones folded into a
/// count), anything else as `old -> new` on one line.
///
/// Values come joined with their masks (`Value.rejoined`): secrets are `.sensitive`, and stay
/// `(sensitive)` at every depth. nil or null means "not set". The document holds no secret, so
/// two secrets look alike; `secretsChange` (the plan found the attribute's secrets changed)
/// makes every secret inside show as changing rather than none.
struct NestedDiff {
    var secretsChange = false

    /// The lines for `name` at `depth`; empty when the value did not change.
    func key(_ name: String, old: Value?, new: Value?, display: ValueDisplay?, depth: Int) -> [AttributeLines.Line] {
        let (old, new) = (old.flatMap { $0.isSet ? $0 : nil }, new.flatMap { $0.isSet ? $0 : nil })
        let symbol = old == nil ? "+" : new == nil ? "-" : "~"
        switch (old, new) {
        case (nil, nil):
            return []
        case let (old, new) where Self.isObject(old) && Self.isObject(new):
            return object(name, old: old?.fields ?? [:], new: new?.fields ?? [:], symbol: symbol, display: display, depth: depth)
        case let (old, new) where Self.isListOfObjects(old, new):
            return list(name, old: old?.items ?? [], new: new?.items ?? [], symbol: symbol, display: display, depth: depth)
        case let (nil, new?):
            return [.init(depth: depth, symbol: "+", name: name, text: ValueFormatter.format(new, display: display))]
        case let (old?, nil):
            return [.init(depth: depth, symbol: "-", name: name, text: ValueFormatter.format(old, display: display) + " -> null")]
        case let (old?, new?):
            if same(old, new) { return [] }
            return [.init(depth: depth, symbol: "~", name: name, text: change(old, new, display: display))]
        }
    }

    /// `old -> new` on one line; two secrets say only that the secret changes.
    func change(_ old: Value, _ new: Value, display: ValueDisplay?) -> String {
        if case .sensitive = old, case .sensitive = new { return "(sensitive value changes)" }
        return "\(ValueFormatter.format(old, display: display)) -> \(ValueFormatter.format(new, display: display))"
    }

    /// An object, key by key. `context` keys are shown even unchanged: they name the element.
    func object(_ name: String?, old: [String: Value], new: [String: Value], symbol: String, display: ValueDisplay?,
                       depth: Int, context: [String] = []) -> [AttributeLines.Line] {
        var children: [AttributeLines.Line] = []
        var unchanged = 0
        for key in ValueFormatter.orderedKeys(of: [old, new], display: display) {
            let lines = self.key(key, old: old[key], new: new[key], display: display?.attribute(key), depth: depth + 1)
            if !lines.isEmpty {
                children += lines
            } else if context.contains(key), let value = new[key] {
                children.append(.init(depth: depth + 1, symbol: " ", name: key, text: ValueFormatter.format(value, display: display?.attribute(key))))
            } else if (new[key] ?? .null).isSet {
                unchanged += 1
            }
        }
        if children.isEmpty && symbol == "~" { return [] }
        if children.isEmpty && unchanged == 0 { return [.init(depth: depth, symbol: symbol, name: name, text: "{}")] }
        if unchanged > 0 { children.append(Self.hidden(unchanged, "attribute", "attributes", depth: depth + 1)) }
        return [.init(depth: depth, symbol: symbol, name: name, text: "{")] + children + [.init(depth: depth, symbol: " ", name: nil, text: "}")]
    }

    /// A list of objects, element by element, paired by `ListAlignment`.
    func list(_ name: String, old: [Value], new: [Value], symbol: String, display: ValueDisplay?, depth: Int) -> [AttributeLines.Line] {
        let elements = display?.elements
        var children: [AttributeLines.Line] = []
        var folded = 0
        let noun = Noun(list: name)
        func flush() {
            if folded > 0 { children.append(Self.hidden(folded, noun.singular, noun.plural, depth: depth + 1)) }
            folded = 0
        }
        for step in ListAlignment.align(old, new, identity: display?.identity, equal: same) {
            if case .same = step {
                folded += 1
                continue
            }
            flush()
            children += element(step, old: old, new: new, display: elements, identity: display?.identity, depth: depth + 1)
        }
        if children.isEmpty && symbol == "~" { return [] }
        flush()
        return [.init(depth: depth, symbol: symbol, name: name, text: "[")] + children + [.init(depth: depth, symbol: " ", name: nil, text: "]")]
    }

    /// One element that is not the same: on one line, or, for an element with identity keys
    /// that changed, key by key under its identity.
    func element(_ step: ListAlignment.Step, old: [Value], new: [Value], display: ValueDisplay?, identity: [String]?,
                        depth: Int) -> [AttributeLines.Line] {
        switch step {
        case .added(let j):
            return [.init(depth: depth, symbol: "+", name: nil, text: ValueFormatter.format(new[j], display: display))]
        case .removed(let i):
            return [.init(depth: depth, symbol: "-", name: nil, text: ValueFormatter.format(old[i], display: display))]
        case .changed(let i, let j):
            if let identity, let before = old[i].fields, let after = new[j].fields {
                return object(nil, old: before, new: after, symbol: "~", display: display, depth: depth, context: identity)
            }
            return [.init(depth: depth, symbol: "~", name: nil, text: inlineChange(old[i], new[j], display: display))]
        case .same:
            return []
        }
    }

    /// An element changed in place, on one line: `{at = 2:54, title = "a" -> "b"}`.
    func inlineChange(_ old: Value, _ new: Value, display: ValueDisplay?) -> String {
        guard let before = old.fields, let after = new.fields else { return change(old, new, display: display) }
        let keys = ValueFormatter.orderedKeys(of: [before, after], display: display).filter {
            (before[$0] ?? .null).isSet || (after[$0] ?? .null).isSet
        }
        return "{" + keys.map { key in
            let (a, b) = (before[key] ?? .null, after[key] ?? .null)
            let shown = same(a, b) ? ValueFormatter.format(b, display: display?.attribute(key)) : change(a, b, display: display?.attribute(key))
            return "\(key) = \(shown)"
        }.joined(separator: ", ") + "}"
    }

    /// Whether two values show no change: equal, and holding no secret that changes.
    func same(_ old: Value, _ new: Value) -> Bool {
        old.isEquivalent(to: new) && !(secretsChange && (old.containsSensitive || new.containsSensitive))
    }

    static func hidden(_ count: Int, _ singular: String, _ plural: String, depth: Int) -> AttributeLines.Line {
        .init(depth: depth, symbol: " ", name: nil, text: "# (\(count) unchanged \(count == 1 ? singular : plural) hidden)", isComment: true)
    }

    static func isObject(_ value: Value?) -> Bool {
        guard let value else { return true }
        return value.fields != nil
    }

    /// Whether both sides are lists (or not set) and one holds an object.
    static func isListOfObjects(_ old: Value?, _ new: Value?) -> Bool {
        guard old?.items != nil || old == nil, new?.items != nil || new == nil else { return false }
        return ((old?.items ?? []) + (new?.items ?? [])).contains { $0.fields != nil }
    }
}

/// What a list's elements are called in "# (3 unchanged items hidden)": the list's name,
/// and that name without its final "s" for one.
struct Noun {
    var singular: String
    var plural: String

    init(list name: String) {
        plural = name
        singular = name.count > 1 && name.hasSuffix("s") ? String(name.dropLast()) : "element"
        if !name.hasSuffix("s") { plural = "elements" }
    }
}

extension Value {
    var fields: [String: Value]? {
        if case .object(let fields) = self { return fields }
        return nil
    }

    var items: [Value]? {
        if case .list(let items) = self { return items }
        return nil
    }
}
