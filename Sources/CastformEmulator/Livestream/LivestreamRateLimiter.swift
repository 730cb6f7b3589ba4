import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// The documented limits — 10 requests a second, 100 a minute, 1,000 an hour, 10,000 a day —
/// enforced over every API request (the service counts per API user, and a read-only API
/// without keys has one user per emulator).
///
/// The guide says the `X-Ratelimit` headers "give you an indication of your current limit"
/// without naming them; this emulator sends, for each window W in Second, Minute, Hour, Day,
/// `X-Ratelimit-Limit-W`, `X-Ratelimit-Remaining-W` and `X-Ratelimit-Reset-W` (whole seconds
/// until the window's oldest counted request leaves it). Over a limit it answers 429 Too Many
/// Requests — the guide names no status; 429 is HTTP's — with `Retry-After` and an HTML page.
final class LivestreamRateLimiter: Sendable {
    struct Window: Sendable {
        var name: String
        var count: Int
        var seconds: Double
    }

    static let documented = [
        Window(name: "Second", count: 10, seconds: 1), Window(name: "Minute", count: 100, seconds: 60),
        Window(name: "Hour", count: 1000, seconds: 3600), Window(name: "Day", count: 10000, seconds: 86400),
    ]

    let windows: [Window]
    private let starts = Mutex<[Double]>([])

    init(windows: [Window]) {
        self.windows = windows
    }

    /// What the limiter decided for one request: go, with the headers to send, or refuse.
    enum Decision {
        case allowed(HTTPFields)
        case refused(retryAfter: Int, HTTPFields)
    }

    /// Counts the request at `now` (seconds) if every window has room.
    func admit(now: Double) -> Decision {
        starts.withLock { starts in
            let longest = windows.map(\.seconds).max() ?? 0
            starts.removeAll { $0 <= now - longest }
            let waits = windows.map { window -> Double in
                let inside = starts.filter { $0 > now - window.seconds }
                return inside.count >= window.count ? inside[inside.count - window.count] + window.seconds - now : 0
            }
            if let wait = waits.max(), wait > 0 {
                return .refused(retryAfter: Int(wait.rounded(.up)), headers(starts, now: now))
            }
            starts.append(now)
            return .allowed(headers(starts, now: now))
        }
    }

    private func headers(_ starts: [Double], now: Double) -> HTTPFields {
        var fields = HTTPFields()
        for window in windows {
            let inside = starts.filter { $0 > now - window.seconds }
            let reset = inside.first.map { Int(($0 + window.seconds - now).rounded(.up)) } ?? 0
            fields[.init("X-Ratelimit-Limit-\(window.name)")!] = String(window.count)
            fields[.init("X-Ratelimit-Remaining-\(window.name)")!] = String(max(window.count - inside.count, 0))
            fields[.init("X-Ratelimit-Reset-\(window.name)")!] = String(reset)
        }
        return fields
    }
}

/// The service's error answers: an HTML page with the status line as its title and heading,
/// the non-JSON page clients saw (a PHP client's test matches `<h1>404 Not Found</h1>`).
struct LivestreamServiceError: Error {
    var status: Int
    var detail: String?

    static func badRequest(_ detail: String) -> LivestreamServiceError { .init(status: 400, detail: detail) }
    static func notFound(_ detail: String) -> LivestreamServiceError { .init(status: 404, detail: detail) }

    var reason: String {
        switch status {
        case 400: "Bad Request"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Error"
        }
    }

    func response(headers extra: HTTPFields = HTTPFields()) -> Response {
        let line = "\(status) \(reason)"
        let paragraph = detail.map { "\n<p>\(LivestreamXML.escape($0))</p>" } ?? ""
        let page = "<html>\n<head><title>\(line)</title></head>\n<body>\n<h1>\(line)</h1>\(paragraph)\n</body>\n</html>\n"
        var headers = extra
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}
