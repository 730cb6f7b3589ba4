import Foundation

/// The service's text forms: RFC 822 dates in GMT (`pubDate`), the events' own
/// `2009-10-27 11:25:00.0`, and durations with at most three decimals.
enum LivestreamFormat {
    static var rfc822: DateFormatter { formatter("EEE, dd MMM yyyy HH:mm:ss 'GMT'") }
    static var event: DateFormatter { formatter("yyyy-MM-dd HH:mm:ss.S") }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = format
        return formatter
    }

    static func date(_ date: Date) -> String { rfc822.string(from: date) }

    /// `147.4`, `1987.279`, `60`: no trailing zeros.
    static func seconds(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
