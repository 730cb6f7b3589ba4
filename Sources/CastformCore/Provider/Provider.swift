/// A service castform manages: its types' schemas, and how to read and change its objects.
///
/// The engine sees services only through this protocol and never learns their names. Every
/// method returns diagnostics instead of throwing: a provider's failure is information for
/// the user (which object, what the service said, what to do), not an exception.
public protocol Provider: Sendable {
    var name: String { get }
    var schemas: [ResourceTypeSchema] { get }

    /// Checks, before a plan or an apply makes its first request, that the provider can work
    /// with objects of `types`: credentials present (saying where castform looked for them),
    /// the account they belong to. A default in `Preflight.swift` checks nothing.
    func preflight(types: Set<String>) async -> [Diagnostic]

    /// May start, without waiting for them, the reads `read(type:objects:)` will make for
    /// `types` — lists whose requests do not depend on what state knows — so that they are in
    /// flight while castform loads state. Each started read serves the next `read` of its type
    /// once. A default in `Prefetch.swift` starts nothing.
    func prefetch(types: Set<String>)

    /// Reads many objects of one type at once (a list call with paging, plus single gets only
    /// for what a list lacks). Objects missing from the result no longer exist.
    func read(type: String, objects: [KnownObject]) async -> ReadResult

    func create(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome
    func update(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome
    func delete(_ request: OperationRequest) async -> OperationOutcome

    /// What `recover` will need to find the object a create makes, should its answer be lost
    /// (the name the service will derive, a fingerprint of the file sent): noted before the
    /// create goes out, recorded durably with the pending create, and handed back to both
    /// `create` (as `request.notes`) and `recover`. A default in `Recovery.swift` notes nothing.
    func notes(forCreating request: OperationRequest) -> [String: Value]

    /// Finds the objects that creates of one type may have made without castform hearing the
    /// answer (a timeout, a kill): one call per type and run, so that one listing serves every
    /// pending create. Each request carries what was noted before it was sent, when it was
    /// sent, and the ids state already holds (which it cannot have made).
    ///
    /// `.notFound` must mean "certainly never made": it plans the create again, and on a
    /// service that cannot delete, a wrong `.notFound` is a permanent duplicate. When the
    /// service offers no way to tell, the answer is `.failed`, saying what the user can do.
    func recover(type: String, requests: [OperationRequest]) async -> RecoveryReport

    /// Finds objects that already exist for declarations state has no record of (see
    /// `Twins.swift`): one call per type and plan. A default finds none.
    func twins(type: String, queries: [TwinQuery]) async -> TwinReport

    /// Reads one object by the id a user gives to `castform import`.
    func importObject(type: String, id: String) async -> ReadResult

    /// Lists an account's objects with manifests for them (`import --generate-config`);
    /// a default in `Discovery.swift` says the provider cannot.
    func discover(_ request: DiscoveryRequest) async -> DiscoveryResult

    /// Reads a data source with its evaluated arguments.
    func readData(type: String, arguments: [String: Value]) async -> DataResult
}

public struct ReadResult: Sendable {
    /// Found objects by id.
    public var objects: [String: RemoteObject]
    public var diagnostics: [Diagnostic]
    /// Requests made, for the figures people ask about ("how many calls did plan make?").
    public var requestCount: Int

    public init(objects: [String: RemoteObject] = [:], diagnostics: [Diagnostic] = [], requestCount: Int = 0) {
        self.objects = objects
        self.diagnostics = diagnostics
        self.requestCount = requestCount
    }
}


public struct DataResult: Sendable {
    public var attributes: [String: Value]
    public var diagnostics: [Diagnostic]

    public init(attributes: [String: Value] = [:], diagnostics: [Diagnostic] = []) {
        self.attributes = attributes
        self.diagnostics = diagnostics
    }
}
