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
        if !string.unicodeScalars.allSatisfy(isPrintable) { return false }
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
            case "\u{85}": text += "\\N"
            case "\u{2028}": text += "\\L"
            case "\u{2029}": text += "\\P"
            default:
                if isPrintable(scalar) {
                    text.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF {
                    text += "\\x" + hex(scalar.value, digits: 2)
                } else if scalar.value <= 0xFFFF {
                    text += "\\u" + hex(scalar.value, digits: 4)
                } else {
                    text += "\\U" + hex(scalar.value, digits: 8)
                }
            }
        }
        return text + "\""
    }

    /// Characters YAML lets a document hold as they are, and that are no line break: what
    /// plain and block scalars may contain. Everything else is written escaped, in quotes.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// Multi-line text as a literal block (`|` keeps one final newline, `|-` none); text a
    /// block cannot hold exactly (leading spaces, trailing spaces, control characters) is
    /// quoted instead.
    static func block(_ string: String, indent: Int) -> String {
        let body = string.hasSuffix("\n") ? String(string.dropLast()) : string
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let blockable = !body.hasSuffix("\n")
            && lines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasPrefix("\t") && !$0.hasSuffix("\t") }
            && body.unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\t" || isPrintable($0) }
        guard blockable else { return scalarQuoted(string) }
        let pad = String(repeating: " ", count: indent)
        let escaped = lines.map { $0.replacingOccurrences(of: "${", with: "$${") }
        // A block finds its indentation on its first non-empty line: when that line starts
        // with spaces of its own, the indentation is said explicitly (`|2`).
        let firstText = lines.first { !$0.isEmpty }
        let indicator = firstText?.hasPrefix(" ") == true ? "2" : ""
        return "|" + indicator + (string.hasSuffix("\n") ? "" : "-") + "\n" + escaped.map { $0.isEmpty ? "\n" : pad + $0 + "\n" }.joined()
    }

    private static func scalarQuoted(_ string: String) -> String {
        quoted(string.replacingOccurrences(of: "${", with: "$${")) + "\n"
    }
}
