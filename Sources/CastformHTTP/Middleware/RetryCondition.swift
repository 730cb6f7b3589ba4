/// One kind of failure worth trying again, as in swift-openapi-runtime's retrying example.
public enum RetryCondition: Sendable, Hashable {
    /// The response has exactly this status (429).
    case status(Int)
    /// The response's status is in this range (502...504).
    case range(ClosedRange<Int>)
    /// No response at all: refused or dropped connections, timeouts.
    case connectionError
    /// Mixcloud's rate limit, which is a 403 (not a 429) whose body's `error.type` is
    /// `RateLimitException`. A plain 403 (forbidden) is not retried.
    case mixcloudRateLimit

    public func matches(_ response: HTTPResponse) -> Bool {
        switch self {
        case .status(let status): response.status == status
        case .range(let range): range.contains(response.status)
        case .connectionError: false
        case .mixcloudRateLimit: Self.isMixcloudRateLimit(response)
        }
    }

    public func matches(_ error: HTTPError) -> Bool {
        self == .connectionError && error.isTransportFailure
    }

    static func isMixcloudRateLimit(_ response: HTTPResponse) -> Bool {
        response.status == 403
            && JSONValue(parsing: response.body)?["error"]?["type"]?.string == "RateLimitException"
    }
}
