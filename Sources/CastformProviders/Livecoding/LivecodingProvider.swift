// Livecoding.tv (LiveEdu): its REST API behind OAuth 2 (authorization code, rotating refresh
// tokens), read as data sources: `livecoding_scheduled_broadcasts` — upcoming broadcasts,
// every DRF page followed up to `limit` — and `livecoding_livestream`, one streamer's stream. LivecodingSession holds the login and refreshes it
// safely across processes; `castform login livecoding` makes one (LivecodingLogin).
import CastformCore
import CastformHTTP
import Foundation

struct LivecodingProvider: DataOnlyProvider {
    static let defaultEndpoint = "https://www.livecoding.tv"
    let name = "livecoding"
    let schemas = LivecodingSchemas.all
    let session: LivecodingSession
    let endpoint: String
    let clock: any HTTPClock
    let verbose: Bool

    init(context: ProviderContext, clock: any HTTPClock = SystemClock()) {
        endpoint = context.endpoint(for: "livecoding", default: Self.defaultEndpoint)
        let sandbox = context.endpoints["livecoding"] != nil
        let store = CredentialStore(path: context.credentialsPath)
        session = LivecodingSession(endpoint: endpoint, store: store, client: Self.client(context, store: store, sandbox: sandbox),
                                    sandbox: sandbox, clock: clock)
        self.clock = clock
        verbose = context.verbose
    }

    /// The application's id and secret: the sandbox's, LIVECODING_CLIENT_ID/SECRET, or what
    /// `castform login livecoding` stored.
    static func client(_ context: ProviderContext, store: CredentialStore, sandbox: Bool) -> (id: String, secret: String)? {
        if sandbox { return ("castform-sandbox", "sandbox-secret") }
        if let id = context.environment["LIVECODING_CLIENT_ID"], let secret = context.environment["LIVECODING_CLIENT_SECRET"], !id.isEmpty, !secret.isEmpty {
            return (id, secret)
        }
        guard let stored = try? store.token(for: "livecoding-client"), let colon = stored.firstIndex(of: ":") else { return nil }
        return (String(stored[..<colon]), String(stored[stored.index(after: colon)...]))
    }

    func readData(type: String, arguments: [String: Value]) async -> DataResult {
        do throws(LivecodingProblem) {
            if type == LivecodingSchemas.livestream.name {
                return DataResult(attributes: Self.stream(try await get("/api/livestreams/\(arguments["user"]?.stringValue ?? "")/", query: [])))
            }
            let limit = { if case .int(let number)? = arguments["limit"] { return number }; return 1000 }()
            var query: [(name: String, value: String)] = [("limit", String(min(limit, 100)))]
            for name in ["livestream", "coding_category", "ordering"] {
                if let value = arguments[name]?.stringValue { query.append((name, value)) }
            }
            let broadcasts = try await pages("/api/scheduledbroadcast/", query: query, limit: limit)
            return DataResult(attributes: ["broadcasts": .list(broadcasts.map(Self.broadcast))])
        } catch {
            return DataResult(diagnostics: [Diagnostic(error, at: nil)])
        }
    }

    /// Every page of a DRF list, following `next`, until `limit` items.
    private func pages(_ path: String, query: [(name: String, value: String)], limit: Int) async throws(LivecodingProblem) -> [JSONValue] {
        var items: [JSONValue] = []
        var request: (path: String, query: [(name: String, value: String)])? = (path, query)
        while let next = request, items.count < limit {
            let page = try await get(next.path, query: next.query)
            items += page["results"]?.array ?? []
            request = page["next"]?.string.flatMap(Self.pathAndQuery)
        }
        return Array(items.prefix(limit))
    }

    private func get(_ path: String, query: [(name: String, value: String)]) async throws(LivecodingProblem) -> JSONValue {
        let http = HTTPClient(service: ServiceConfiguration(
            name: "Livecoding.tv", baseURL: endpoint,
            middlewares: [RetryMiddleware(policy: .standard), AuthMiddleware(.bearer(.provider(session)))] + RequestLogging.middlewares(verbose: verbose),
            errorParser: { _, _, body in JSONValue(parsing: body)?["detail"]?.string },
            logger: RequestLogging.logger("livecoding", verbose: verbose), clock: clock))
        do {
            let response = try await http.send(HTTPRequest(.get, path, query: query))
            guard let json = JSONValue(parsing: response.body) else { throw LivecodingProblem.unreadable(path: path, detail: "not JSON") }
            return json
        } catch let problem as LivecodingProblem {
            throw problem
        } catch let error as HTTPError {
            throw .apiError(path: path, status: error.status, detail: error.serviceMessage)
        } catch {
            throw .apiError(path: path, status: nil, detail: "\(error)")
        }
    }

    static func pathAndQuery(_ url: String) -> (path: String, query: [(name: String, value: String)])? {
        guard let parts = URLComponents(string: url) else { return nil }
        return (parts.path, (parts.queryItems ?? []).map { ($0.name, $0.value ?? "") })
    }

    /// A live stream as the schema gives it.
    static func stream(_ json: JSONValue) -> [String: Value] {
        var fields: [String: Value] = [:]
        for key in ["title", "description", "coding_category", "difficulty", "language", "tags", "thumbnail_url", "embed_url"] {
            fields[key] = .string(json[key]?.string ?? "")
        }
        fields["is_live"] = .bool(json["is_live"] == .bool(true))
        fields["viewers_live"] = .int(Int(json["viewers_live"]?.number ?? 0))
        fields["viewing_urls"] = .list((json["viewing_urls"]?.array ?? []).compactMap { $0.string.map(Value.string) })
        return fields
    }

    /// A broadcast as the schema gives it; `livestream` is the streamer's slug (the API's URL
    /// ends with it).
    static func broadcast(_ json: JSONValue) -> Value {
        var fields: [String: Value] = [:]
        for key in ["title", "coding_category", "difficulty", "start_time", "start_time_original_timezone", "original_timezone"] {
            fields[key] = .string(json[key]?.string ?? "")
        }
        fields["id"] = .int(Int(json["id"]?.number ?? 0))
        fields["livestream"] = .string(json["livestream"]?.string?.split(separator: "/").last.map(String.init) ?? "")
        fields["is_featured"] = .bool(json["is_featured"] == .bool(true))
        fields["is_recurring"] = .bool(json["is_recurring"] == .bool(true))
        return .object(fields)
    }
}
