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
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy(isDigits) else { return .failure(.malformed) }
        if parts.count == 1 {
            guard parts[0].count <= 9, let seconds = Int(parts[0]) else { return .failure(.malformed) }
            return .success(seconds)
        }
        // The last part is always two-digit seconds; a middle part (h:mm:ss) two-digit minutes.
        // The first part's at most six digits keep the sum far from overflowing.
        guard parts.dropFirst().allSatisfy({ $0.count == 2 }), parts[0].count <= 6 else { return .failure(.malformed) }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, let seconds = numbers.last else { return .failure(.malformed) }
        if seconds >= 60 { return .failure(.secondsOutOfRange) }
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

    private static func isDigits(_ part: Substring) -> Bool {
        !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }
}
