import Foundation
import Hummingbird

/// Injected faults as Mixcloud answers them, and the admin route's inventory.
extension MixcloudEmulator {
    /// Mixcloud's error envelope. Its documented 403 is the rate limit, so an injected 403
    /// is that; other statuses carry a server error's type.
    public func faultResponse(status: Int, retryAfter: Int?) -> Response {
        if status == 403 { return rateLimitResponse(retryAfter: retryAfter ?? 1) }
        let body: [String: Any] = ["error": ["type": status >= 500 ? "ServerError" : "RequestError",
                                             "message": "Injected fault: HTTP \(status)"]]
        var response = MixcloudResponse.json(body, status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// FACTS.md §6: 403, `Retry-After`, and the wait again in the body.
    public func rateLimitResponse(retryAfter: Int) -> Response {
        let body: [String: Any] = ["error": [
            "message": "You have hit your rate limit. Retry after \(retryAfter) seconds.",
            "type": "RateLimitException", "retry_after": retryAfter,
        ]]
        var response = MixcloudResponse.json(body, status: 403)
        response.headers[.retryAfter] = String(retryAfter)
        return response
    }

    public func inventory() async -> [EmulatedObject] {
        let time = now()
        return await cloudcasts.map { show in
            EmulatedObject(kind: "cloudcast", id: show.key, name: show.name,
                           details: ["visibility": show.visibility(at: time).rawValue, "owner": show.owner])
        }
    }
}
