/// One kind of failure worth trying again, as in swift-openapi-runtime's retrying example.
public enum RetryCondition: Sendable, Hashable {
    /// The response has exactly this status (500).
    case status(Int)
    /// The response's status is in this range (502...504).
    case range(ClosedRange<Int>)
    /// No response at all: refused or dropped connections, timeouts.
    case connectionError
    /// The service's rate-limit answer, as its `RateLimitSignal` recognises it (429 by
    /// default; a 403 with a body of its own for some services).
    case rateLimited

    public func matches(_ response: HTTPResponse, signal: RateLimitSignal) -> Bool {
        switch self {
        case .status(let status): response.status == status
        case .range(let range): range.contains(response.status)
        case .connectionError: false
        case .rateLimited: signal.matches(response)
        }
    }

    public func matches(_ error: HTTPError) -> Bool {
        self == .connectionError && error.isTransportFailure
    }
}
