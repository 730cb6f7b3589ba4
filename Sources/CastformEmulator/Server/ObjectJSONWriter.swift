import Foundation

/// Writes the `[String: Any]` trees the emulators build (what JSONSerialization accepts:
/// dictionaries, arrays, strings, numbers, booleans, NSNull), keys sorted, compactly.
///
/// JSONSerialization sorts keys with a locale-aware NSString comparison and bridges every
/// value through Objective-C types: a list page of 100 shows took 70 ms of the emulator's CPU
/// that way, more than castform needed to read it. Keys here sort by their UTF-8 bytes, which
/// for the emulators' ASCII keys is the same order.
enum ObjectJSONWriter {
    static func data(_ value: Any, escapingSlashes: Bool = true) -> Data {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(value, escapingSlashes, to: &output)
        return Data(output)
    }

    /// The class of Foundation's boolean NSNumbers (JSONSerialization's `true` and `false`).
    private static let booleanNumber = type(of: NSNumber(value: true))

    private static func write(_ value: Any, _ escapingSlashes: Bool, to output: inout [UInt8]) {
        switch value {
        case let text as String: writeString(text, escapingSlashes, to: &output)
        case let object as [String: Any]:
            output.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(key, escapingSlashes, to: &output)
                output.append(UInt8(ascii: ":"))
                write(object[key]!, escapingSlashes, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        case let array as [Any]:
            output.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, escapingSlashes, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        default:
            output.append(contentsOf: scalar(value).utf8)
        }
    }

    /// A number, a boolean or null. An NSNumber (what JSONSerialization parses) casts to
    /// Bool, Int and Double alike — 1 would be written `true` — so its class decides; Swift's
    /// own values are told by their type first (casting them to NSNumber would bridge).
    private static func scalar(_ value: Any) -> String {
        switch value {
        case let flag as Bool where type(of: value) == Bool.self: return flag ? "true" : "false"
        case let number as Int where type(of: value) == Int.self: return String(number)
        case let number as Double where type(of: value) == Double.self: return format(number)
        case let number as NSNumber:
            return type(of: number) == booleanNumber ? (number.boolValue ? "true" : "false") : number.stringValue
        case let number as Int64: return String(number)
        case let number as UInt64: return String(number)
        case let number as Float: return format(Double(number))
        default: return "null"  // NSNull, and nil in an `Any`
        }
    }

    /// Whole numbers without a fraction, as JSONSerialization writes them.
    private static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return "\(number)"
    }

    private static func writeString(_ text: String, _ escapingSlashes: Bool, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "/") where escapingSlashes: output.append(contentsOf: #"\/"#.utf8)
            case 0x0A: output.append(contentsOf: #"\n"#.utf8)
            case 0x0D: output.append(contentsOf: #"\r"#.utf8)
            case 0x09: output.append(contentsOf: #"\t"#.utf8)
            case 0x08: output.append(contentsOf: #"\b"#.utf8)
            case 0x0C: output.append(contentsOf: #"\f"#.utf8)
            case ..<0x20:
                let hex = String(byte, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
