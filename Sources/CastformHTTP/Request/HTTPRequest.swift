/// One request to a service, relative to the service's base URL.
///
/// A value: middlewares change it (auth adds a header or a query item) by returning a copy, so
/// a retry always starts again from the request as the provider wrote it.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The path below the service's base URL, unencoded, starting with `/` (e.g. `/upload/`).
    public var path: String
    /// Query items in order, unencoded.
    public var query: [(name: String, value: String)]
    public var headers: HeaderFields
    public var body: Body
    /// Whether the request may be sent again after a failure; defaults from the method.
    /// A provider can mark a POST idempotent when it knows a repeat is harmless.
    public var idempotent: Bool
    /// Overrides the service's timeouts for this request (e.g. a long read after an upload).
    public var timeouts: HTTPTimeouts?
    /// Statuses outside 2xx that are a normal answer for this request (404 for "does it
    /// exist?", 301 for "where did it move?"): they come back as responses instead of errors.
    public var acceptedStatuses: Set<Int>
    /// Where a successful answer's body goes, chunk by chunk as it arrives (a download to a
    /// file, in constant memory); the response then carries no body. nil: collected.
    public var bodySink: (@Sendable ([UInt8]) throws -> Void)?

    public init(
        _ method: HTTPMethod,
        _ path: String,
        query: [(name: String, value: String)] = [],
        headers: HeaderFields = [:],
        body: Body = .empty,
        idempotent: Bool? = nil,
        timeouts: HTTPTimeouts? = nil,
        accepting acceptedStatuses: Set<Int> = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.idempotent = idempotent ?? method.isIdempotent
        self.timeouts = timeouts
        self.acceptedStatuses = acceptedStatuses
    }

    /// Whether a retry middleware may send this request again: it must be idempotent, and its
    /// body must be one that can be produced twice (a streamed upload cannot).
    public var isRetryable: Bool { idempotent && body.isReplayable }
}
