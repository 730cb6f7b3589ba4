import CastformCore
import CastformPlanning
import Foundation

/// Values as the human and Markdown plans show them on one line: strings quoted, lists and
/// objects inline (object keys in the schema's order), times as `m:ss`, secrets as
/// `(sensitive)` and unknowns as `(known after apply)`.
enum ValueFormatter {
    static func format(_ value: Value?, display: ValueDisplay? = nil) -> String {
        guard let value else { return "null" }
        switch value {
        case .null: return "null"
        case .bool(let bool): return String(bool)
        case .int(let int): return display?.format == ValueDisplay.timeFormat ? time(int) : String(int)
        case .number(let number):
            if display?.format == ValueDisplay.timeFormat, number == number.rounded(), abs(number) < 1e9 { return time(Int(number)) }
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .string(let text): return quote(text)
        case .list(let items):
            return "[" + items.map { format($0, display: display?.elements) }.joined(separator: ", ") + "]"
        case .object(let fields):
            let keys = orderedKeys(of: [fields], display: display).filter { fields[$0]?.isSet ?? false }
            if keys.isEmpty { return "{}" }
            return "{" + keys.map { "\($0) = \(format(fields[$0], display: display?.attribute($0)))" }.joined(separator: ", ") + "}"
        case .unknown: return "(known after apply)"
        case .sensitive: return "(sensitive)"
        }
    }

    /// The keys of one or more versions of an object: the schema's order first, then any
    /// other key in alphabetical order.
    static func orderedKeys(of objects: [[String: Value]], display: ValueDisplay?) -> [String] {
        let present = Set(objects.flatMap(\.keys))
        let declared = (display?.keys ?? []).filter(present.contains)
        return declared + present.subtracting(declared).sorted()
    }

    /// Whole seconds as a position in a recording: `m:ss` under an hour, `h:mm:ss` from one.
    static func time(_ seconds: Int) -> String {
        guard seconds >= 0 else { return String(seconds) }
        let (hours, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
        let ss = rest < 10 ? "0\(rest)" : "\(rest)"
        if hours == 0 { return "\(minutes):\(ss)" }
        return "\(hours):\(minutes < 10 ? "0\(minutes)" : "\(minutes)"):\(ss)"
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
