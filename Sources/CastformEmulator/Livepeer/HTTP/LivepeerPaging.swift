import Foundation
import Hummingbird

/// Offset paging as the server does it (FACTS §1): `limit` (default 20, at most 1000; a
/// non-number or a value below 1 means 20) and an opaque `cursor`, in practice `skip<N>`.
/// The next page is announced only by a `Link: <url>; rel="next"` header.
struct LivepeerPage {
    let offset: Int
    let limit: Int

    init(call: LivepeerCall) {
        // `parseInt`: leading digits count ("50abc" is 50).
        let digits = call.query("limit").map { $0.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber || $0 == "-" } }
        let parsed = digits.flatMap { Int($0) } ?? 20
        limit = parsed < 1 ? 20 : min(parsed, 1000)
        // An unknown cursor (even the `undefined` some Link headers carry) starts from the top.
        if let cursor = call.query("cursor"), cursor.hasPrefix("skip"), let skip = Int(cursor.dropFirst(4)), skip >= 0 {
            offset = skip
        } else {
            offset = 0
        }
    }

    func slice<Element>(_ items: [Element]) -> [Element] {
        guard offset < items.count else { return [] }
        return Array(items[offset..<min(items.count, offset + limit)])
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
