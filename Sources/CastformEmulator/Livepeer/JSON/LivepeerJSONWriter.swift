import Foundation

/// Writes `LivepeerJSON` the way Node's `JSON.stringify` does: compact, members in order,
/// integers without a decimal point.
enum LivepeerJSONWriter {
    static func string(_ value: LivepeerJSON) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    static func data(_ value: LivepeerJSON) -> Data {
        Data(string(value).utf8)
    }

    private static func write(_ value: LivepeerJSON, to output: inout String) {
        switch value {
        case .null:
            output += "null"
        case .bool(let bool):
            output += bool ? "true" : "false"
        case .number(let number):
            output += format(number)
        case .string(let string):
            writeString(string, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                write(element, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                writeString(member.key, to: &output)
                output += ":"
                write(member.value, to: &output)
            }
            output += "}"
        }
    }

    /// JavaScript's number-to-string for the values an API carries: integral values print
    /// without a fraction (`600`, not `600.0`); non-finite values become `null`.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e21 {
            // Beyond 2^53 a double is no longer every integer, and beyond 2^63 no Int64.
            if abs(number) < 9e15 { return number == 0 ? "0" : String(Int64(number)) }
            return integerDigits(number)
        }
        var text = "\(number)"
        // Swift writes "1e-07" where JavaScript writes "1e-7".
        if let range = text.range(of: #"e([+-])0+(\d)"#, options: .regularExpression) {
            let exponent = text[range]
            let sign = exponent.dropFirst().prefix(1)
            let digits = exponent.dropFirst(2).drop { $0 == "0" }
            text.replaceSubrange(range, with: "e\(sign)\(digits)")
        }
        return text
    }

    /// A large integral double as JavaScript writes it below 1e21: its shortest round-trip
    /// digits, padded with zeros (2^63 is `9223372036854776000`).
    private static func integerDigits(_ number: Double) -> String {
        let parts = "\(abs(number))".split(separator: "e")
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        let whole = mantissa[0]
        let digits = whole + (mantissa.count > 1 ? mantissa[1] : "")
        let length = whole.count + exponent
        let integer = digits.count < length
            ? String(digits) + String(repeating: "0", count: length - digits.count) : String(digits.prefix(length))
        return (number < 0 ? "-" : "") + integer
    }

    private static func writeString(_ string: String, to output: inout String) {
        output += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                output += String(format: "\\u%04x", scalar.value)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
