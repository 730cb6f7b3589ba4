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

    /// A failure of one call, as data: the HTTP failure with the service's parsed words, or
    /// a stop by a signal. Wording is in `message`; code branches on `refusal`, never on it.
    enum Failure: Error {
        case http(HTTPError)
        /// A signal stopped the call: it may have reached the service before it was.
        case interrupted(method: HTTPMethod, path: String)
        case other(String)

        var status: Int? {
            if case .http(let error) = self { return error.status }
            return nil
        }

        var outcomeUnknown: Bool {
            switch self {
            case .http(let error): error.outcomeUnknown
            case .interrupted: true
            case .other: false
            }
        }

        /// Which of the service's business rules refused the call, where castform knows it.
        var refusal: LivepeerRefusal? {
            if case .http(let error) = self { return LivepeerRefusal(error) }
            return nil
        }

        var message: String {
            switch self {
            case .http(let error): error.message
            case .interrupted(let method, let path): "Livepeer \(method.rawValue) \(path): stopped by an interrupt"
            case .other(let text): "Livepeer: \(text)"
            }
        }
    }

    /// Sends a request and parses a JSON answer (`.null` for an empty body such as a 204).
    func call(_ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [],
              body: Value? = nil, accepting: Set<Int> = []) async throws(Failure) -> (status: Int, json: Value, headers: HeaderFields) {
        do {
            // A PATCH replaces each field it names wholesale: sent twice, it leaves the object
            // as sent once, so it is retried like a GET.
            var request = HTTPRequest(method, path, query: query, idempotent: method == .patch ? true : nil, accepting: accepting)
            if let body { request.body = .json(Array(try JSONEncoder().encode(JSONValue(wire: body)))) }
            let response = try await client.send(request)
            // An answer that is not JSON is an error naming what the service sent (and, for a
            // 2xx, outcome-unknown: the call was carried out), never a silent null.
            let json = response.body.isEmpty ? Value.null : Value(wire: try response.json())
            return (response.status, json, response.headers)
        } catch let error as HTTPError {
            throw .http(error)
        } catch is CancellationError {
            throw .interrupted(method: method, path: path)
        } catch {
            throw .other("\(error)")
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
