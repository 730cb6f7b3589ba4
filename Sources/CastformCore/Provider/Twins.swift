/// Objects that already exist for declarations state has no record of: a fresh CI runner
/// without the team's state, a state restored from an old backup, a workspace moved. A plan
/// shows them as imports (Terraform 1.5's wording) and apply adopts them, instead of creating
/// a second one — on a service that cannot delete, a permanent duplicate.

/// A declaration state does not know, as the provider looks for its twin.
public struct TwinQuery: Sendable {
    public var address: ResourceAddress
    /// The manifest's values, evaluated as far as state allows (secrets marked).
    public var desired: [String: Value]
    /// Ids state already holds: never another declaration's twin.
    public var excluding: Set<String>

    public init(address: ResourceAddress, desired: [String: Value], excluding: Set<String> = []) {
        self.address = address
        self.desired = desired
        self.excluding = excluding
    }
}

/// One object found for a declaration, with why castform takes it for that declaration.
public struct Twin: Sendable {
    public var object: RemoteObject
    /// In words, for the plan: "the object is tagged with the declaration's address".
    public var reason: String

    public init(object: RemoteObject, reason: String) {
        self.object = object
        self.reason = reason
    }
}

/// What one `twins` call found: for each address, its twins (none, one, or — an error the
/// planner reports — several).
public struct TwinReport: Sendable {
    public var results: [ResourceAddress: [Twin]]
    public var diagnostics: [Diagnostic]
    public var requestCount: Int

    public init(results: [ResourceAddress: [Twin]] = [:], diagnostics: [Diagnostic] = [], requestCount: Int = 0) {
        self.results = results
        self.diagnostics = diagnostics
        self.requestCount = requestCount
    }
}

extension Provider {
    /// Providers that cannot tell an existing object for a declaration find none.
    public func twins(type: String, queries: [TwinQuery]) async -> TwinReport { TwinReport() }
}
