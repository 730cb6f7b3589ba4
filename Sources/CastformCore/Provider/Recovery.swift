/// Finding what a create made when its answer never came (a timeout, a dropped connection,
/// a kill): the half of "no duplicates" that providers carry. The engine records a pending
/// create durably before sending it, and the next run asks `Provider.recover` before it would
/// plan the create again.

/// What recovery concluded about one pending create.
public enum RecoveryResult: Sendable {
    /// The create happened: this is what it made; the plan adopts it.
    case found(RemoteObject)
    /// The create certainly made nothing: the plan creates it again.
    case notFound
    /// Castform cannot tell (the service failed, or cannot show the object): the plan stops,
    /// with what the user can do.
    case failed([Diagnostic])
}

/// The answers of one `recover` call, by address, with the requests it made.
public struct RecoveryReport: Sendable {
    public var results: [ResourceAddress: RecoveryResult]
    public var requestCount: Int

    public init(results: [ResourceAddress: RecoveryResult] = [:], requestCount: Int = 0) {
        self.results = results
        self.requestCount = requestCount
    }

    /// The same answer for every request (a provider that cannot work at all says why).
    public init(_ result: RecoveryResult, for requests: [OperationRequest], requestCount: Int = 0) {
        self.init(results: Dictionary(requests.map { ($0.address, result) }, uniquingKeysWith: { first, _ in first }),
                  requestCount: requestCount)
    }
}

extension Provider {
    /// Providers whose objects can be found again without help (tagged with castform's
    /// address, say) note nothing.
    public func notes(forCreating request: OperationRequest) -> [String: Value] { [:] }
}
