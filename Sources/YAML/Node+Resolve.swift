/// What a scalar means under the YAML 1.2 core schema.
///
/// castform resolves scalars by YAML 1.2, not 1.1: `yes` is a string, `0:30` is a string (and
/// castform's own time parser reads it), `0755` is the integer 755. Quoted scalars and `!!str`
/// are always strings.
public enum ResolvedScalar: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
}

extension Node {
    static let strTag = "tag:yaml.org,2002:str"
    static let intTag = "tag:yaml.org,2002:int"
    static let floatTag = "tag:yaml.org,2002:float"
    static let boolTag = "tag:yaml.org,2002:bool"
    static let nullTag = "tag:yaml.org,2002:null"

    /// The scalar's core-schema meaning; collections resolve to `.null` (ask `content` instead).
    public var resolved: ResolvedScalar {
        guard case .scalar(let scalar) = content else { return .null }
        if tag == Node.strTag || tag == "!" { return .string(scalar.value) }
        if scalar.style != .plain && tag == nil { return .string(scalar.value) }
        return Node.resolvePlain(scalar.value, tag: tag)
    }

    static func resolvePlain(_ text: String, tag: String?) -> ResolvedScalar {
        // The words below are at most five bytes: longer text (nearly every scalar) skips
        // their dozen comparisons.
        if text.utf8.count <= 5 {
            switch text {
            case "", "~", "null", "Null", "NULL":
                if tag == nil || tag == nullTag { return .null }
            case "true", "True", "TRUE":
                if tag == nil || tag == boolTag { return .bool(true) }
            case "false", "False", "FALSE":
                if tag == nil || tag == boolTag { return .bool(false) }
            default:
                break
            }
        }
        // Most scalars are words: only text starting like a number can be one.
        guard let first = text.utf8.first, isDigit(first) || first == UInt8(ascii: "-")
                || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        else { return .string(text) }
        if tag == nil || tag == intTag, let int = parseInt(text) { return .int(int) }
        if tag == nil || tag == floatTag || tag == intTag, let double = parseFloat(text) {
            return .float(double)
        }
        return .string(text)
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`, as YAML 1.2's core schema.
    static func parseInt(_ text: String) -> Int? {
        if text.hasPrefix("0x"), text.utf8.count > 2 { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o"), text.utf8.count > 2 { return Int(text.dropFirst(2), radix: 8) }
        var digits = Substring(text).utf8
        if digits.first == UInt8(ascii: "-") || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        return Int(text.first == "+" ? String(text.dropFirst()) : text)
    }

    /// Decimal numbers with a fraction or exponent, `.inf`, `.nan`, as YAML 1.2's core schema.
    static func parseFloat(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"): continue
            default: return nil
            }
        }
        return sawDigit ? Double(text) : nil
    }
}
