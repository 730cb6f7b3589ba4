import CastformCore
import CastformHTTP
import Foundation

/// Livepeer Studio's REST API as the provider uses it: one HTTP client per run, JSON in and out
/// as `Value`, and errors turned into diagnostics that name the object and what the service said.
struct LivepeerAPI: Sendable {
    static let serviceURL = "https://livepeer.studio/api"
    let client: HTTPClient

    init(baseURL: String, apiKey: String, verbose: Bool = false) {
        client = HTTPClient(service: ServiceConfiguration(
            name: "Livepeer",
            baseURL: baseURL,
            middlewares: [RetryMiddleware(policy: .standard), AuthMiddleware(.bearer(.fixed(apiKey)))]
                + RequestLogging.middlewares(verbose: verbose),
            errorParser: LivepeerErrors.parse,
            secrets: [apiKey],
            logger: RequestLogging.logger("livepeer", verbose: verbose)))
    }

    /// A failure of one call: what the user reads, and whether the call may have happened.
    struct Failure: Error {
        var status: Int?
        var message: String
        var outcomeUnknown: Bool
    }

    /// Sends a request and parses a JSON answer (`.null` for an empty body such as a 204).
    func call(_ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [],
              body: Value? = nil, accepting: Set<Int> = []) async throws(Failure) -> (status: Int, json: Value, headers: HeaderFields) {
        do {
            // A PATCH replaces each field it names wholesale: sent twice, it leaves the object
            // as sent once, so it is retried like a GET.
            var request = HTTPRequest(method, path, query: query, idempotent: method == .patch ? true : nil, accepting: accepting)
            if let body { request.body = .json(Array(try JSONEncoder().encode(body.unmarked))) }
            let response = try await client.send(request)
            let json = response.body.isEmpty ? Value.null : ((try? JSONDecoder().decode(Value.self, from: Data(response.body))) ?? .null)
            return (response.status, json, response.headers)
        } catch let error as HTTPError {
            throw Failure(status: error.status, message: error.message, outcomeUnknown: error.outcomeUnknown)
        } catch is CancellationError {
            // Stopped by a signal: the request may have reached the service before it was.
            throw Failure(status: nil, message: "Livepeer \(method.rawValue) \(path): stopped by an interrupt", outcomeUnknown: true)
        } catch {
            throw Failure(status: nil, message: "Livepeer: \(error)", outcomeUnknown: false)
        }
    }

    /// Reads every page of a list endpoint (`limit` 1000, the server's cap), following the
    /// `Link: <...cursor=...>; rel="next"` header. Stops at a short page: `GET /webhook` sets
    /// Link on every non-empty page, so the header alone would cost one empty extra request.
    func list(_ path: String, query: [(name: String, value: String)] = [], requests: inout Int) async throws(Failure) -> [Value] {
        let limit = 1000
        var items: [Value] = []
        var cursor: String?
        repeat {
            var items2 = query + [(name: "limit", value: String(limit))]
            if let cursor { items2.append((name: "cursor", value: cursor)) }
            let page = try await call(.get, path, query: items2)
            requests += 1
            guard case .list(let entries) = page.json else { break }
            items += entries
            cursor = entries.count < limit ? nil : Self.nextCursor(page.headers["Link"])
        } while cursor != nil
        return items
    }

    /// The `cursor` query item of a `Link` header's next URL.
    static func nextCursor(_ link: String?) -> String? {
        guard let link, let start = link.firstIndex(of: "<"), let end = link.firstIndex(of: ">"), start < end,
              let components = URLComponents(string: String(link[link.index(after: start)..<end])) else { return nil }
        return components.queryItems?.first { $0.name == "cursor" }?.value
    }
}

extension LivepeerAPI.Failure {
    func diagnostic(_ address: ResourceAddress, _ action: String) -> Diagnostic {
        .error("\(address): could not \(action): \(message)", at: nil)
    }
}
