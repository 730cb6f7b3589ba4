/// A service's request budget: any number of windows, and a cap on requests in flight.
///
/// `RateLimit([.init(10, per: .seconds(1)), .init(100, per: .seconds(60))], maxConcurrent: 4)`
public struct RateLimit: Sendable, Hashable {
    /// At most `count` requests start in any span of `duration`.
    ///
    /// Each window is a bucket of `count` tokens where a spent token comes back `duration`
    /// after it was spent. A bucket refilled at a steady rate instead would let almost
    /// 2 × `count` requests through in the first window (a full bucket plus its refill), which a
    /// service counting per window answers with 429s.
    public struct Window: Sendable, Hashable {
        public var count: Int
        public var duration: Duration

        public init(_ count: Int, per duration: Duration) {
            precondition(count > 0, "a rate-limit window must allow at least one request")
            self.count = count
            self.duration = duration
        }
    }

    public var windows: [Window]
    /// Most requests of the service in flight at once; `nil` for no limit.
    public var maxConcurrent: Int?

    public init(_ windows: [Window] = [], maxConcurrent: Int? = nil) {
        precondition(maxConcurrent.map { $0 > 0 } ?? true, "maxConcurrent must be positive")
        self.windows = windows
        self.maxConcurrent = maxConcurrent
    }
}
