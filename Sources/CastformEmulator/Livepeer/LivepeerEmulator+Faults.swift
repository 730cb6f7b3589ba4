import Foundation
import Hummingbird

/// Injected faults as Livepeer's API server answers them, and the admin route's inventory.
extension LivepeerEmulator {
    public var basePath: String { "/api" }

    /// `{"errors": [...]}`, as every error of the API server.
    public func faultResponse(status: Int, retryAfter: Int?) -> Response {
        var response = LivepeerResponse.error(LivepeerError(status: status, errors: ["injected fault: HTTP \(status)"]))
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        return response
    }

    /// The API server has no general rate limiter (FACTS.md §1); where it limits, it answers
    /// 429 in its usual shape.
    public func rateLimitResponse(retryAfter: Int) -> Response {
        var response = LivepeerResponse.error(.tooManyRequests("too many requests"))
        response.headers[.retryAfter] = String(retryAfter)
        return response
    }

    public func inventory() async -> [EmulatedObject] {
        let streams = await self.streams.map { stream in
            let tags = stream.userTags.map { LivepeerJSONWriter.string($0) } ?? ""
            return EmulatedObject(kind: "stream", id: stream.id, name: stream.name, details: ["userTags": tags])
        }
        let targets = await self.targets.map { EmulatedObject(kind: "multistream-target", id: $0.id, name: $0.name) }
        let webhooks = await self.webhooks.map { EmulatedObject(kind: "webhook", id: $0.id, name: $0.name) }
        return streams + targets + webhooks
    }
}
