import Foundation

/// How long a response asks the client to wait before trying again.
///
/// Read from the `Retry-After` header, as delay-seconds (`120`) or an HTTP-date (`Wed, 21 Oct
/// 2026 07:28:00 GMT`, also the obsolete RFC 850 and asctime forms), and failing that from the
/// body, where the service's `RateLimitSignal` knows to look (some answers carry it alone).
public enum RetryAfter {
    /// The wait `response` asks for, measured from `date`; `nil` when it asks for none.
    /// A date in the past means zero.
    public static func delay(in response: HTTPResponse, now date: Date, signal: RateLimitSignal = .tooManyRequests) -> Duration? {
        if let header = response.headers["Retry-After"], let delay = parse(header, now: date) {
            return delay
        }
        return signal.requestedWait(response)
    }

    /// A number of seconds from a body as a wait. A number no Int64 of milliseconds holds
    /// (1e300, a 40-digit one) is a wait longer than any policy honours, never a trap; a
    /// negative one is none.
    public static func seconds(_ seconds: Double) -> Duration? {
        guard seconds >= 0, !seconds.isNaN else { return nil }
        return seconds < 9e15 ? .milliseconds(Int64(seconds * 1000)) : .seconds(Int64.max)
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
