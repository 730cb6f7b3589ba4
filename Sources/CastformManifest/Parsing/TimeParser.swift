/// Reads a tracklist start time: integer seconds, `m:ss`, `mm:ss` or `h:mm:ss`.
///
/// castform parses times itself rather than relying on YAML 1.1's base-60 integers, under which
/// `2:54` is 174 but `0:30` and `09:00` stay strings.
public enum TimeParser {
    public enum Failure: Error, Sendable, Hashable {
        case negative
        case malformed
        case secondsOutOfRange
        case minutesOutOfRange
    }

    public static func seconds(from text: String) -> Result<Int, Failure> {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasPrefix("-") { return .failure(.negative) }
        // One pass over the bytes (a digit is an ASCII byte, and no byte of a longer character
        // is one), the parts' values and lengths kept in place: 20,000 track times were each
        // copied, split and mapped into three arrays.
        var values = InlineArray<3, Int>(repeating: 0)
        var lengths = InlineArray<3, Int>(repeating: 0)
        var count = 1
        for byte in trimmed.utf8 {
            if byte == UInt8(ascii: ":") {
                guard count < 3 else { return .failure(.malformed) }
                count += 1
                continue
            }
            // Nine digits at most anywhere: more is never a time anyone means, and the sum
            // stays far from overflowing.
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), lengths[count - 1] < 9 else { return .failure(.malformed) }
            values[count - 1] = values[count - 1] * 10 + Int(byte - UInt8(ascii: "0"))
            lengths[count - 1] += 1
        }
        for index in 0..<count where lengths[index] == 0 { return .failure(.malformed) }
        if count == 1 { return .success(values[0]) }
        // The last part is always two-digit seconds; a middle part (h:mm:ss) two-digit minutes;
        // the first at most six digits.
        guard lengths[0] <= 6, lengths[1] == 2, count == 2 || lengths[2] == 2 else { return .failure(.malformed) }
        if values[count - 1] >= 60 { return .failure(.secondsOutOfRange) }
        if count == 3, values[1] >= 60 { return .failure(.minutesOutOfRange) }
        return .success(count == 2 ? values[0] * 60 + values[1] : (values[0] * 60 + values[1]) * 60 + values[2])
    }

    /// Seconds written back the way people read them: `2:54`, `1:02:10`.
    public static func format(_ seconds: Int) -> String {
        let (hours, minutes, secs) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        let ss = secs < 10 ? "0\(secs)" : "\(secs)"
        if hours > 0 {
            return "\(hours):\(minutes < 10 ? "0" : "")\(minutes):\(ss)"
        }
        return "\(minutes):\(ss)"
    }
}

extension String {
    func trimmingWhitespace() -> String {
        // Most values have no space at either end: nothing to look at character by character.
        if let first = utf8.first, let last = utf8.last, Self.isPlainASCII(first), Self.isPlainASCII(last) { return self }
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }

    /// An ASCII byte that is not whitespace (nor a byte of a longer character).
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}
