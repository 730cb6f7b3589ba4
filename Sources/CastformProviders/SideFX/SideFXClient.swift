import CastformHTTP
import Foundation

/// SideFX's RPC as the provider calls it: `POST /api/` with the form field
/// `json=[function, args, kwargs]` and the application token, answered with JSON or a
/// `SideFXProblem` naming the function. Only read functions are ever called, so a call is
/// idempotent and retried like a read (429 after its `Retry-After`).
struct SideFXClient: Sendable {
    static let defaultEndpoint = "https://www.sidefx.com"
    let endpoint: String
    let tokens: SideFXTokens
    let clock: any HTTPClock
    let verbose: Bool

    private var http: HTTPClient {
        HTTPClient(service: ServiceConfiguration(
            name: "SideFX", baseURL: endpoint,
            middlewares: [RetryMiddleware(policy: .standard), AuthMiddleware(.bearer(.provider(tokens)))]
                + RequestLogging.middlewares(verbose: verbose),
            logger: RequestLogging.logger("sidefx", verbose: verbose), clock: clock))
    }

    func call(_ function: String, args: [JSONValue] = [], kwargs: [String: JSONValue] = [:]) async throws(SideFXProblem) -> JSONValue {
        let payload = JSONValue.array([.string(function), .array(args), .object(kwargs)])
        let text: String
        do {
            text = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        } catch {
            throw .unreadable(function: function, detail: "\(error)")
        }
        let response: HTTPResponse
        do {
            response = try await http.send(HTTPRequest(.post, "/api/", body: .form([("json", text)]), idempotent: true))
        } catch let problem as SideFXProblem {
            throw problem
        } catch let error as HTTPError {
            throw .apiError(function: function, status: error.status, detail: error.serviceMessage ?? error.message)
        } catch {
            throw .apiError(function: function, status: nil, detail: "\(error)")
        }
        guard let json = JSONValue(parsing: response.body) else {
            throw .unreadable(function: function, detail: "not JSON: \(PlainTextLine.of(response.body))")
        }
        return json
    }

    /// A plain GET of a signed download URL (no token: the signature is the permission),
    /// its body streamed to `sink`; from byte `offset` with a Range request when not 0.
    /// Returns the status (206 when the server honoured the range).
    func download(_ url: String, from offset: Int64, filename: String,
                  into sink: @escaping @Sendable ([UInt8]) throws -> Void) async throws(SideFXProblem) -> Int {
        guard let slash = url.range(of: "/", options: [], range: (url.range(of: "://")?.upperBound ?? url.startIndex)..<url.endIndex) else {
            throw .downloadFailed(filename: filename, detail: "not a URL: the API gave \(url)")
        }
        let client = HTTPClient(service: ServiceConfiguration(
            name: "SideFX downloads", baseURL: String(url[..<slash.lowerBound]), middlewares: RequestLogging.middlewares(verbose: verbose),
            logger: RequestLogging.logger("sidefx", verbose: verbose), clock: clock))
        var request = HTTPRequest(.get, String(url[slash.lowerBound...]).removingPercentEncoding ?? "", idempotent: false,
                                  timeouts: HTTPTimeouts(connect: .seconds(30), read: .seconds(120)))
        if let query = request.path.firstIndex(of: "?") {
            request.query = String(request.path[request.path.index(after: query)...]).split(separator: "&").map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                return (parts[0], parts.count > 1 ? parts[1] : "")
            }
            request.path = String(request.path[..<query])
        }
        if offset > 0 { request.headers["Range"] = "bytes=\(offset)-" }
        request.bodySink = sink
        do {
            return try await client.send(request).status
        } catch let error as HTTPError {
            throw .downloadFailed(filename: filename, detail: error.message)
        } catch {
            throw .downloadFailed(filename: filename, detail: "\(error)")
        }
    }
}
