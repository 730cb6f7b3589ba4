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
        // On the bytes: a digit is an ASCII byte, and no byte of a longer character is one.
        let parts = Array(trimmed.utf8).split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy(isDigits) else { return .failure(.malformed) }
        if parts.count == 1 {
            guard parts[0].count <= 9 else { return .failure(.malformed) }
            return .success(number(parts[0]))
        }
        // The last part is always two-digit seconds; a middle part (h:mm:ss) two-digit minutes.
        // The first part's at most six digits keep the sum far from overflowing.
        guard parts.dropFirst().allSatisfy({ $0.count == 2 }), parts[0].count <= 6 else { return .failure(.malformed) }
        let numbers = parts.map(number)
        if numbers[numbers.count - 1] >= 60 { return .failure(.secondsOutOfRange) }
        if numbers.count == 3, numbers[1] >= 60 { return .failure(.minutesOutOfRange) }
        return .success(numbers.reduce(0) { $0 * 60 + $1 })
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

    private static func isDigits(_ part: ArraySlice<UInt8>) -> Bool {
        !part.isEmpty && part.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
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
