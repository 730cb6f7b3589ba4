// Values read past without being built (`parse(_:keeping:)`), checked as strictly as the rest.
extension JSONParser {
    mutating func skip(depth: Int) throws(Failure) {
        guard index < bytes.count else { throw failure("unexpected end of text") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try skipContainer(depth: depth + 1, close: UInt8(ascii: "}"), members: true)
        case UInt8(ascii: "["): try skipContainer(depth: depth + 1, close: UInt8(ascii: "]"), members: false)
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        default: throw failure("unexpected character")
        }
    }

    /// An object (`members`: each value after a name and a colon) or an array, up to `close`.
    private mutating func skipContainer(depth: Int, close: UInt8, members: Bool) throws(Failure) {
        guard depth <= Self.maximumDepth else { throw failure("nested too deeply") }
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == close {
            index += 1
            return
        }
        while true {
            skipSpace()
            if members {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a member name") }
                try skipString()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
                index += 1
                skipSpace()
            }
            try skip(depth: depth)
            skipSpace()
            guard index < bytes.count else { throw failure("unexpected end of text") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == close else { throw failure(members ? "expected ',' or '}'" : "expected ',' or ']'") }
            index += 1
            return
        }
    }

    /// A string: escapes checked as `escape(into:)` checks them, nothing kept.
    private mutating func skipString() throws(Failure) {
        index += 1
        while true {
            index = plainRunEnd(from: index)
            guard index < bytes.count else { throw failure("unterminated string") }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                index += 1
                var discarded: [UInt8] = []
                try escape(into: &discarded)
            default:
                throw failure("control character in a string")
            }
        }
    }
}
