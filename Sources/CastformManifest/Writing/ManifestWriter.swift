import CastformCore

/// Writes resources back as manifest YAML, the way a person would write them: attributes in
/// schema order, times as `m:ss`, short lists inline, tracks one flow mapping per line,
/// multi-line text as a literal block. Used by `import --generate-config`, whose files are
/// committed and edited by hand, so they must read like the examples.
///
/// Anything that could be read back differently is quoted: YAML 1.1 booleans and nulls,
/// numbers, text with YAML punctuation, and `${` (written `$${`, castform's escape).
public enum ManifestWriter {
    public struct Resource: Sendable {
        public var name: String
        public var values: [String: Value]
        /// Comment lines above the resource (where the object lives, what was left out).
        public var comments: [String]

        public init(name: String, values: [String: Value], comments: [String] = []) {
            self.name = name
            self.values = values
            self.comments = comments
        }
    }

    /// A manifest file holding `resources` of one type, after `header` comment lines.
    public static func document(_ schema: ResourceTypeSchema, resources: [Resource], header: [String] = []) -> String {
        var text = header.map { "# \($0)\n" }.joined()
        text += "\(schema.name):\n"
        for resource in resources {
            for comment in resource.comments { text += "  # \(comment)\n" }
            text += "  \(resource.name):\n"
            text += body(resource.values, schema: schema.body, indent: 4)
        }
        return text
    }

    static func body(_ values: [String: Value], schema: ObjectSchema, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var text = ""
        for attribute in schema.attributes where attribute.isSettable {
            guard let value = values[attribute.name], value != .null else { continue }
            switch (attribute.type, value) {
            case (_, .string(let string)) where string.contains("\n"):
                text += "\(pad)\(attribute.name): " + block(string, indent: indent + 2)
            case (.list(.object(let element)), .list(let items)):
                text += "\(pad)\(attribute.name):\n"
                for item in items { text += "\(pad)  - " + flow(item, type: .object(element)) + "\n" }
            default:
                text += "\(pad)\(attribute.name): \(flow(value, type: attribute.type))\n"
            }
        }
        return text
    }

    /// A value on one line: scalars, `[a, b]`, `{key: value}` in schema order.
    static func flow(_ value: Value, type: ValueType) -> String {
        switch (type, value.unmarked) {
        case (.time, .int(let seconds)): return quoted(TimeParser.format(seconds))
        case (_, .string(let string)): return scalar(string)
        case (_, .int(let int)): return String(int)
        case (_, .number(let number)): return String(number)
        case (_, .bool(let bool)): return String(bool)
        case (.list(let element), .list(let items)): return "[" + items.map { flow($0, type: element) }.joined(separator: ", ") + "]"
        case (_, .list(let items)): return "[" + items.map { flow($0, type: .any) }.joined(separator: ", ") + "]"
        case (.object(let schema), .object(let fields)):
            let names = schema.attributes.map(\.name).filter { fields[$0] != nil && fields[$0] != .null }
            return "{" + names.map { name in "\(name): \(flow(fields[name]!, type: schema.attribute(named: name)?.type ?? .any))" }
                .joined(separator: ", ") + "}"
        case (_, .object(let fields)):
            return "{" + fields.keys.sorted().map { "\(scalar($0)): \(flow(fields[$0]!, type: .any))" }.joined(separator: ", ") + "}"
        default: return "null"
        }
    }

    /// A string as a plain scalar when it cannot be misread, else double-quoted.
    static func scalar(_ string: String) -> String {
        let escaped = string.replacingOccurrences(of: "${", with: "$${")
        return isPlain(escaped) ? escaped : quoted(escaped)
    }

    static func isPlain(_ string: String) -> Bool {
        guard let first = string.unicodeScalars.first, let last = string.unicodeScalars.last else { return false }
        let reserved = Set("-?:,[]{}#&*!|>'\"%@`")
        guard !reserved.contains(Character(first)), first != " ", last != " ", last != ":" else { return false }
        if string.contains(" #") || string.contains(where: { "[]{},\":".contains($0) }) { return false }
        if string.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return false }
        let words: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]
        if words.contains(string.lowercased()) { return false }
        // Anything that starts like a number (or a time) would not come back as a string.
        if first.properties.numericType != nil || first == "." || first == "+" { return false }
        return true
    }

    static func quoted(_ string: String) -> String {
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }

    /// Multi-line text as a literal block (`|` keeps one final newline, `|-` none); text a
    /// block cannot hold exactly (leading spaces, trailing spaces, control characters) is
    /// quoted instead.
    static func block(_ string: String, indent: Int) -> String {
        let body = string.hasSuffix("\n") ? String(string.dropLast()) : string
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let blockable = !body.hasSuffix("\n") && !(lines.first?.hasPrefix(" ") ?? true)
            && lines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") && !$0.hasPrefix("\t") }
            && !string.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F }
        guard blockable else { return scalarQuoted(string) }
        let pad = String(repeating: " ", count: indent)
        let escaped = lines.map { $0.replacingOccurrences(of: "${", with: "$${") }
        return (string.hasSuffix("\n") ? "|\n" : "|-\n") + escaped.map { $0.isEmpty ? "\n" : pad + $0 + "\n" }.joined()
    }

    private static func scalarQuoted(_ string: String) -> String {
        quoted(string.replacingOccurrences(of: "${", with: "$${")) + "\n"
    }
}
