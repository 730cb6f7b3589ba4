import CastformCore
import Foundation

/// Values as the human and Markdown plans show them: strings quoted, lists and objects inline,
/// secrets as `(sensitive)` and unknowns as `(known after apply)`.
struct ValueFormatter {
    static func format(_ value: Value?, sensitive: Value?, unknown: Value?) -> String {
        if sensitive == .bool(true) { return "(sensitive)" }
        if unknown == .bool(true) { return "(known after apply)" }
        guard let value else { return "null" }
        switch value {
        case .null: return "null"
        case .bool(let bool): return String(bool)
        case .int(let int): return String(int)
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .string(let text): return quote(text)
        case .list(let items):
            return "[" + items.enumerated().map { index, item in
                format(item, sensitive: element(sensitive, index), unknown: element(unknown, index))
            }.joined(separator: ", ") + "]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            return "{" + fields.keys.sorted().map { key in
                "\(key) = \(format(fields[key], sensitive: sensitive?[key], unknown: unknown?[key]))"
            }.joined(separator: ", ") + "}"
        case .unknown: return "(known after apply)"
        case .sensitive: return "(sensitive)"
        }
    }

    static func element(_ mask: Value?, _ index: Int) -> Value? {
        if case .list(let items)? = mask, index < items.count { return items[index] }
        return nil
    }

    /// JSON-style quoting; long text is cut so one attribute cannot flood a terminal.
    static func quote(_ text: String) -> String {
        let shown = text.count > 200 ? String(text.prefix(200)) + "…" : text
        var result = "\""
        for character in shown {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
