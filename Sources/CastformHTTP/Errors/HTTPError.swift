/// Everything castform knows about a failed HTTP exchange, as data.
///
/// The wording lives apart, in `HTTPError+Message.swift`, so that renderers and providers can
/// branch on the facts (status, kind, whether the outcome is unknown) and tests can assert the
/// exact sentence a user reads. The URL and the service message are already redacted.
public struct HTTPError: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// No connection, or the connection failed; the detail says how ("connection refused").
        case connection(String)
        /// A timeout of the given phase.
        case timeout(Phase)
        /// The service answered with a status the request does not accept.
        case status
        /// The service refused for rate limiting (as its `RateLimitSignal` recognises it),
        /// and retrying did not help or was not allowed; `retryAfter` is what it asked for.
        case rateLimited(retryAfter: Duration?)
        /// The body could not be read as the expected JSON; the detail says where and why.
        case decoding(String)
        /// The response body was larger than `ServiceConfiguration.maxResponseBytes`.
        case responseTooLarge(limit: Int)
        /// The request body could not be produced (a file to upload is missing or changed).
        case requestBody(String)
    }

    public enum Phase: String, Sendable, Hashable {
        case connect
        case read
    }

    public var request: RequestLine
    public var kind: Kind
    /// The HTTP status, when a response arrived.
    public var status: Int?
    /// The service's own explanation, from its error body (redacted), when it gave one.
    public var serviceMessage: String?
    /// True when the request may have been carried out although castform has no answer: the
    /// connection dropped after sending, a read timeout, an unreadable 2xx body. A provider
    /// records such a create as pending and looks for the object before creating it again.
    /// False when the request certainly had no effect (connection refused, a 4xx answer).
    public var outcomeUnknown: Bool
    /// How many times the request was sent.
    public var attempts: Int

    public init(
        request: RequestLine,
        kind: Kind,
        status: Int? = nil,
        serviceMessage: String? = nil,
        outcomeUnknown: Bool = false,
        attempts: Int = 1
    ) {
        self.request = request
        self.kind = kind
        self.status = status
        self.serviceMessage = serviceMessage
        self.outcomeUnknown = outcomeUnknown
        self.attempts = attempts
    }

    public var service: String { request.service }
    public var method: HTTPMethod { request.method }
    public var url: String { request.url }

    /// Whether this failure happened below HTTP (no status): what `.connectionError` retries.
    public var isTransportFailure: Bool {
        switch kind {
        case .connection, .timeout: true
        default: false
        }
    }
}
