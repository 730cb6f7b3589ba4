import Foundation

/// How one service says "slow down": which answers are its rate limit (the request was
/// refused before anything was done) and how long it asks to wait where a `Retry-After`
/// header does not say. Services differ — one answers 429, another a 403 with a body of its
/// own — so each provider hands its signal to its `ServiceConfiguration`, and the client,
/// the retry middleware and the error's wording only ask it.
public struct RateLimitSignal: Sendable {
    /// Whether `response` is the service's rate-limit answer.
    public var matches: @Sendable (HTTPResponse) -> Bool
    /// The wait the body asks for, where the service puts one there; nil when it does not.
    public var requestedWait: @Sendable (HTTPResponse) -> Duration?

    public init(matches: @escaping @Sendable (HTTPResponse) -> Bool,
                requestedWait: @escaping @Sendable (HTTPResponse) -> Duration? = { _ in nil }) {
        self.matches = matches
        self.requestedWait = requestedWait
    }

    /// HTTP's own: 429 Too Many Requests, with `Retry-After`.
    public static let tooManyRequests = RateLimitSignal { $0.status == 429 }

    /// This signal or `other`'s.
    public func or(_ other: RateLimitSignal) -> RateLimitSignal {
        RateLimitSignal(matches: { matches($0) || other.matches($0) },
                        requestedWait: { requestedWait($0) ?? other.requestedWait($0) })
    }
}
