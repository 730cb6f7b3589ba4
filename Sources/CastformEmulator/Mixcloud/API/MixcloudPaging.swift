import Foundation

/// Paging of list endpoints, as Mixcloud documents it: `limit` and `offset`, or dates.
///
/// Without `offset` the links are date-based (`until=` the last item's time, `since=` the
/// first's), as Mixcloud's are by default; with `offset` (even `offset=0`) they are
/// offset-based. The default and maximum `limit` are not documented (FACTS.md §5, [UNK]): the
/// emulator uses 20 and 100, and silently lowers a larger limit to 100. `next` is left out on
/// the last page and `previous` on the first (also [UNK]: Mixcloud may send null).
struct MixcloudPaging {
    static let defaultLimit = 20
    static let maxLimit = 100

    var limit = defaultLimit
    var offset: Int?
    var since: Int?
    var until: Int?

    struct Page: Sendable {
        var items: [MixcloudCloudcast]
        var next: [(String, String)]?
        var previous: [(String, String)]?
    }

    /// Reads `limit`, `offset`, `since` and `until`; a malformed one is a validation error.
    init(query: [String: String]) throws {
        var errors: [String: [String]] = [:]
        if let text = query["limit"] {
            if let value = Int(text), value > 0 { limit = min(value, Self.maxLimit) } else { errors["limit"] = ["Enter a positive whole number."] }
        }
        if let text = query["offset"] {
            if let value = Int(text), value >= 0 { offset = value } else { errors["offset"] = ["Enter a whole number of at least 0."] }
        }
        for name in ["since", "until"] {
            guard let text = query[name] else { continue }
            if let seconds = Self.parseTime(text) {
                if name == "since" { since = seconds } else { until = seconds }
            } else {
                errors[name] = ["Enter Unix seconds or a UTC time as YYYY-MM-DD HH:MM:SS."]
            }
        }
        if !errors.isEmpty { throw MixcloudAPIError.validation(errors) }
    }

    /// The page at `offset` (offset paging), given its shows and whether more follow.
    func page(at offset: Int, shows: [MixcloudCloudcast], more: Bool) -> Page {
        let limitParameter = ("limit", String(limit))
        let next = more ? [limitParameter, ("offset", String(offset + limit))] : nil
        let previous = offset > 0 ? [limitParameter, ("offset", String(max(0, offset - limit)))] : nil
        return Page(items: shows, next: next, previous: previous)
    }

    /// One page of `items`, which are ordered newest first.
    func page(_ items: [MixcloudCloudcast]) -> Page {
        let limitParameter = ("limit", String(limit))
        if let offset {
            let slice = Array(items.dropFirst(offset).prefix(limit))
            // Compared without adding: an offset near Int.max must not overflow.
            let next = offset < items.count - limit ? [limitParameter, ("offset", String(offset + limit))] : nil
            let previous = offset > 0 ? [limitParameter, ("offset", String(max(0, offset - limit)))] : nil
            return Page(items: slice, next: next, previous: previous)
        }
        let second = { (cloudcast: MixcloudCloudcast) in Int(cloudcast.createdTime.timeIntervalSince1970.rounded(.down)) }
        let window = items.filter { item in
            (since.map { second(item) > $0 } ?? true) && (until.map { second(item) < $0 } ?? true)
        }
        // With only `since`, the page is the one just after that time: the oldest of the window.
        let slice = since != nil && until == nil ? Array(window.suffix(limit)) : Array(window.prefix(limit))
        guard let first = slice.first, let last = slice.last else { return Page(items: [], next: nil, previous: nil) }
        let hasOlder = items.contains { second($0) < second(last) }
        return Page(
            items: slice,
            next: hasOlder ? [limitParameter, ("until", Self.formatTime(second(last)))] : nil,
            previous: [limitParameter, ("since", Self.formatTime(second(first)))]
        )
    }

    /// Unix seconds, or "YYYY-MM-DD HH:MM:SS" in UTC.
    static func parseTime(_ text: String) -> Int? {
        if let seconds = Int(text) { return seconds }
        let style = Date.ISO8601FormatStyle(dateTimeSeparator: .space, timeZone: .gmt).year().month().day().time(includingFractionalSeconds: false)
        guard let date = try? style.parse(text) else { return nil }
        return Int(date.timeIntervalSince1970)
    }

    static func formatTime(_ seconds: Int) -> String {
        let style = Date.ISO8601FormatStyle(dateTimeSeparator: .space, timeZone: .gmt).year().month().day().time(includingFractionalSeconds: false)
        return Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(style)
    }
}
