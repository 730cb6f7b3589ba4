import Foundation
import Hummingbird
import NIOCore

/// `/o/authorize/` and `/o/token/`, Django OAuth Toolkit's shape.
extension LivecodingEmulator {
    func addOAuthRoutes(to router: Router<EmulatorContext>) {
        router.get("o/authorize/") { [self] request, _ in
            let query = request.uri.queryParameters
            guard query.get("response_type") == "code", query.get("client_id") == Self.clientID,
                  let redirect = query.get("redirect_uri"), var target = URLComponents(string: redirect) else {
                return PlainResponses.json(["error": "invalid_request"], status: .badRequest)
            }
            let code = UUID().uuidString.lowercased()
            state.withLock { $0.codes[code] = query.get("scope") ?? "read" }
            target.queryItems = (target.queryItems ?? []) + [.init(name: "code", value: code), .init(name: "state", value: query.get("state") ?? "")]
            var headers = HTTPFields()
            headers[.location] = target.string ?? redirect
            return Response(status: .found, headers: headers)
        }
        router.post("o/token/") { [self] request, _ in
            let form = ReceivedForm(urlEncoded: String(buffer: try await request.body.collect(upTo: 64 * 1024)))
            guard Self.clientAuthenticates(request, form) else { return PlainResponses.json(["error": "invalid_client"], status: .unauthorized) }
            switch form["grant_type"] {
            case "authorization_code": return exchange(code: form["code"] ?? "")
            case "refresh_token": return refresh(form["refresh_token"] ?? "")
            default: return PlainResponses.json(["error": "unsupported_grant_type"], status: .badRequest)
            }
        }
        router.post("_castform/livecoding/expire") { [self] _, _ in
            let moment = Self.milliseconds(now())
            state.withLock { $0.expiredBefore = moment }
            return Response(status: .noContent)
        }
        router.get("_castform/livecoding/grants") { [self] _, _ in
            let (refreshes, refused) = state.withLock { ($0.refreshes, $0.refused) }
            return PlainResponses.json(["refreshes": refreshes, "refused": refused])
        }
    }

    private func exchange(code: String) -> Response {
        let scope: String? = code == Self.sandboxCode ? "read" : state.withLock { $0.codes.removeValue(forKey: code) }
        guard let scope else { return PlainResponses.json(["error": "invalid_grant"], status: .badRequest) }
        return tokens(scope: scope)
    }

    private func refresh(_ token: String) -> Response {
        let granted = state.withLock { grants -> Bool in
            guard scope(of: token, kind: "lcr") != nil, !grants.spent.contains(token) else {
                grants.refused += 1
                return false
            }
            grants.spent.insert(token)
            grants.refreshes += 1
            return true
        }
        guard granted, let scope = scope(of: token, kind: "lcr") else { return PlainResponses.json(["error": "invalid_grant"], status: .badRequest) }
        return tokens(scope: scope)
    }

    private func tokens(scope: String) -> Response {
        // A new access token must differ from the last even within one second.
        PlainResponses.json(["access_token": issue("lca", scope: scope), "token_type": "Bearer", "expires_in": Self.lifetime,
                   "refresh_token": issue("lcr", scope: scope), "scope": scope])
    }

    /// Basic auth, form fields, or both (the article's client sends both).
    static func clientAuthenticates(_ request: Request, _ form: ReceivedForm) -> Bool {
        if let (id, secret) = PlainResponses.basicCredentials(request) { return id == clientID && secret == clientSecret }
        return form["client_id"] == clientID && form["client_secret"] == clientSecret
    }
}
