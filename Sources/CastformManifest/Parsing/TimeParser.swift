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
        // is one), the parts' values and lengths kept in locals: 20,000 track times were each
        // copied, split and mapped into three arrays.
        var parts = (first: Part(), middle: Part(), last: Part())
        var count = 1
        for byte in trimmed.utf8 {
            if byte == UInt8(ascii: ":") {
                guard count < 3 else { return .failure(.malformed) }
                count += 1
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return .failure(.malformed) }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch count {
            case 1: guard parts.first.append(digit) else { return .failure(.malformed) }
            case 2: guard parts.middle.append(digit) else { return .failure(.malformed) }
            default: guard parts.last.append(digit) else { return .failure(.malformed) }
            }
        }
        // Written as m:ss, the seconds are the second part; as h:mm:ss, the third.
        let (hours, minutes, seconds) = count == 3 ? (parts.first, parts.middle, parts.last) : (Part(), parts.first, parts.middle)
        if count == 1 { return parts.first.length > 0 ? .success(parts.first.value) : .failure(.malformed) }
        guard minutes.length > 0, seconds.length == 2, count == 2 || hours.length > 0 else { return .failure(.malformed) }
        // The last part is always two-digit seconds; a middle part (h:mm:ss) two-digit minutes;
        // the first at most six digits.
        guard count == 2 ? minutes.length <= 6 : hours.length <= 6 && minutes.length == 2 else { return .failure(.malformed) }
        if seconds.value >= 60 { return .failure(.secondsOutOfRange) }
        if count == 3, minutes.value >= 60 { return .failure(.minutesOutOfRange) }
        return .success((hours.value * 60 + minutes.value) * 60 + seconds.value)
    }

    /// One part of a time as it is read: its value and how many digits it had.
    private struct Part {
        var value = 0
        var length = 0

        /// Adds a digit; false past nine (never a time anyone means, and the sum stays far
        /// from overflowing).
        mutating func append(_ digit: Int) -> Bool {
            guard length < 9 else { return false }
            value = value * 10 + digit
            length += 1
            return true
        }
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
