import CastformCore
import CastformHTTP
import Foundation

/// The Channel API as the provider calls it: `GET <channel's base>/<method>.json`, answered
/// with the feed's `channel` object or a `LivestreamProblem`.
///
/// One `HTTPClient` per channel, because the channel is the host; all of them share one
/// middleware chain, so the retry policy and the budget (the limits are per client, not per
/// channel) hold across channels.
struct LivestreamClient: Sendable {
    static let pageSize = 100
    let endpoint: String?
    let middlewares: [any HTTPMiddleware]
    let clock: any HTTPClock
    let verbose: Bool
    let budget: LivestreamBudget

    init(endpoint: String?, budget: LivestreamBudget, clock: any HTTPClock = SystemClock(), verbose: Bool = false) {
        self.endpoint = endpoint
        self.budget = budget
        self.clock = clock
        self.verbose = verbose
        // Retry outermost: every attempt, a 429's retry included, spends budget.
        middlewares = [RetryMiddleware(policy: .standard), LivestreamBudgetMiddleware(budget: budget)]
            + RequestLogging.middlewares(verbose: verbose)
    }

    /// What each method's 404 means: the thing it names does not exist.
    enum Subject: Sendable {
        case channel
        case clip(String)
        case playlist(String)
    }

    /// One method's feed. `subject` says what a 404 page is about.
    func feed(_ channel: String, _ method: String, query: [(name: String, value: String)] = [],
              subject: Subject = .channel) async throws(LivestreamProblem) -> LivestreamFeed {
        let client = HTTPClient(service: ServiceConfiguration(
            name: "Livestream", baseURL: LivestreamHost.baseURL(channel: channel, endpoint: endpoint),
            middlewares: middlewares, errorParser: ServiceErrors.plainText, rateLimit: .tooManyRequests,
            logger: RequestLogging.logger("livestream", verbose: verbose), clock: clock))
        let response: HTTPResponse
        do {
            response = try await client.send(HTTPRequest(.get, "/\(method).json", query: query))
        } catch let problem as LivestreamProblem {
            throw problem
        } catch let error as HTTPError {
            throw Self.problem(error, channel: channel, method: method, subject: subject)
        } catch {
            throw .unreadable(channel: channel, method: method, detail: "\(error)")
        }
        guard let json = JSONValue(parsing: Self.unwrappingJSONP(response.body)) else {
            throw .unreadable(channel: channel, method: method, detail: "not JSON: \(PlainTextLine.of(response.body))")
        }
        guard let feed = LivestreamFeed(json) else {
            throw .unreadable(channel: channel, method: method, detail: "no \"channel\" object at the root")
        }
        return feed
    }

    /// The service's error pages: 404 is "no such" whatever the page says; another status is
    /// reported with the page's title. No answer at all stays CastformHTTP's account.
    static func problem(_ error: HTTPError, channel: String, method: String, subject: Subject) -> LivestreamProblem {
        guard case .status = error.kind, let status = error.status else { return .http(channel: channel, method: method, error) }
        guard status == 404 else { return .errorPage(channel: channel, method: method, status: status, title: error.serviceMessage) }
        switch subject {
        case .channel: return .noSuchChannel(channel)
        case .clip(let clip): return .noSuchClip(channel: channel, clip: clip)
        case .playlist(let playlist): return .noSuchPlaylist(channel: channel, playlist: playlist)
        }
    }

    /// A JSONP answer (`fn({...})`) reduced to its JSON, in case a proxy or an old cache adds
    /// the callback castform never asks for.
    static func unwrappingJSONP(_ body: [UInt8]) -> [UInt8] {
        guard let first = body.firstIndex(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
              body[first] != UInt8(ascii: "{"), body[first] != UInt8(ascii: "["),
              let open = body.firstIndex(of: UInt8(ascii: "(")), let close = body.lastIndex(of: UInt8(ascii: ")")), open < close
        else { return body }
        return Array(body[(open + 1)..<close])
    }

    /// Every page of a clip list (`page`/`maxresults`), until a short page, the feed's
    /// `totalClips`, or `limit`. Returns the clips and the total the feed reports.
    func clipPages(_ channel: String, _ method: String, query: [(name: String, value: String)], limit: Int,
                   subject: Subject) async throws(LivestreamProblem) -> (items: [JSONValue], total: Int?) {
        var items: [JSONValue] = []
        var total: Int?
        var page = 1
        while items.count < limit {
            let size = min(Self.pageSize, limit)
            let feed = try await self.feed(channel, method, query: query + [("page", String(page)), ("maxresults", String(size))], subject: subject)
            let found = LivestreamFeed.list(feed.channel["item"])
            total = LivestreamFeed.int(feed.channel["totalClips"]) ?? total
            items += found
            if found.count < size || total.map({ page * size >= $0 }) == true { break }
            page += 1
        }
        return (Array(items.prefix(limit)), total)
    }
}

/// A body as one short line for a message.
enum PlainTextLine {
    static func of(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(120), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        return text.isEmpty ? "(empty)" : "\"\(text)\(body.count > 120 ? "…" : "")\""
    }
}
