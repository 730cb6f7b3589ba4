import Hummingbird

/// One emulated API: it adds its routes to a router, answers injected faults in its own
/// error shape, and lists what it holds for the admin route.
public protocol EmulatedService: Sendable {
    /// "mixcloud", "livepeer", ...
    var name: String { get }
    /// Where clients find the API below the server's root ("/api" for Livepeer, "" for
    /// Mixcloud): `castform emulator` prints the URL with it, and the sandbox hands it to
    /// the providers.
    var basePath: String { get }
    func addRoutes(to router: Router<EmulatorContext>)
    /// The service's answer to an injected HTTP error, in its own shape: Mixcloud's
    /// `{"error": {...}}`, Livepeer's `{"errors": [...]}`.
    func faultResponse(status: Int, retryAfter: Int?) -> Response
    /// The service's own rate-limit answer (Mixcloud: 403 `RateLimitException`; a service
    /// without one: 429).
    func rateLimitResponse(retryAfter: Int) -> Response
    /// Every object the service holds, whatever its visibility (drafts and unlisted shows
    /// too), for tests and the chaos suite to count through `GET /_castform/objects`.
    func inventory() async -> [EmulatedObject]
}

/// One object of an emulated service as the admin route lists it.
public struct EmulatedObject: Codable, Sendable, Hashable {
    /// The type of object ("cloudcast", "stream", "multistream-target", "webhook").
    public var kind: String
    public var id: String
    public var name: String
    /// Facts a test may count by: a show's visibility, a stream's castform tags.
    public var details: [String: String]

    public init(kind: String, id: String, name: String, details: [String: String] = [:]) {
        self.kind = kind
        self.id = id
        self.name = name
        self.details = details
    }
}

extension EmulatedService {
    public var basePath: String { "" }

    public func faultResponse(status: Int, retryAfter: Int?) -> Response {
        FaultResponses.json(#"{"error":"injected fault: HTTP \#(status)"}"#, status: status, retryAfter: retryAfter)
    }

    public func rateLimitResponse(retryAfter: Int) -> Response {
        faultResponse(status: 429, retryAfter: retryAfter)
    }

    public func inventory() async -> [EmulatedObject] { [] }
}
