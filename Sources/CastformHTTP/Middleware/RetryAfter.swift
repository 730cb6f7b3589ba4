import Foundation

/// How long a response asks the client to wait before trying again.
///
/// Read from the `Retry-After` header, as delay-seconds (`120`) or an HTTP-date (`Wed, 21 Oct
/// 2026 07:28:00 GMT`, also the obsolete RFC 850 and asctime forms), and failing that from
/// Mixcloud's body (`{"error": {"retry_after": 452}}`), which some of its answers carry alone.
public enum RetryAfter {
    /// The wait `response` asks for, measured from `date`; `nil` when it asks for none.
    /// A date in the past means zero.
    public static func delay(in response: HTTPResponse, now date: Date) -> Duration? {
        if let header = response.headers["Retry-After"], let delay = parse(header, now: date) {
            return delay
        }
        if let seconds = JSONValue(parsing: response.body)?["error"]?["retry_after"]?.number, seconds >= 0 {
            // A number no Int64 of milliseconds holds (1e300, a 40-digit one) is a wait longer
            // than any policy honours, never a trap.
            return seconds < 9e15 ? .milliseconds(Int64(seconds * 1000)) : .seconds(Int64.max)
        }
        return nil
    }

    /// Parses a `Retry-After` header value.
    public static func parse(_ value: String, now date: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCII), let seconds = Int64(trimmed), seconds >= 0 {
            return .seconds(seconds)
        }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let retryDate = formatter.date(from: trimmed) {
                let milliseconds = max(0, (retryDate.timeIntervalSince(date) * 1000).rounded(.up))
                return .milliseconds(Int64(milliseconds))
            }
        }
        return nil
    }
}
