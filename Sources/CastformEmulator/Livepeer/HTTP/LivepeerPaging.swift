import Foundation
import Hummingbird

/// Offset paging as the server does it (FACTS §1): `limit` (default 20, at most 1000; a
/// non-number or a value below 1 means 20) and an opaque `cursor`, in practice `skip<N>`.
/// The next page is announced only by a `Link: <url>; rel="next"` header.
struct LivepeerPage {
    let offset: Int
    let limit: Int

    init(call: LivepeerCall) {
        limit = Self.limit(call.query("limit"))
        // An unknown cursor (even the `undefined` some Link headers carry) starts from the top.
        if let cursor = call.query("cursor"), cursor.hasPrefix("skip"), let skip = Int(cursor.dropFirst(4)), skip >= 0 {
            offset = skip
        } else {
            offset = 0
        }
    }

    /// `parseInt`: leading digits count ("50abc" is 50). Digits too many for an `Int` are a
    /// number far above the cap (or below 1), never a trap.
    static func limit(_ text: String?) -> Int {
        guard let text else { return 20 }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let negative = trimmed.hasPrefix("-")
        let digits = trimmed.dropFirst(negative ? 1 : 0).prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return 20 }
        guard let magnitude = Int(digits) else { return negative ? 20 : 1000 }
        return negative || magnitude < 1 ? 20 : min(magnitude, 1000)
    }

    func slice<Element>(_ items: [Element]) -> [Element] {
        guard offset < items.count else { return [] }
        return Array(items[offset..<(offset + min(limit, items.count - offset))])
    }

    /// The cursor of the page after this one.
    var nextCursor: String { "skip\(offset + limit)" }

    /// Whether a page of `count` items filled the limit: the database only returns a next
    /// cursor then.
    func isFull(_ count: Int) -> Bool { count == limit }

    /// `res.links({next: ...})`.
    static func linkHeader(_ url: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.init("Link")!] = "<\(url)>; rel=\"next\""
        return headers
    }
}
