/// A service castform manages: its types' schemas, and how to read and change its objects.
///
/// The engine sees services only through this protocol and never learns their names. Every
/// method returns diagnostics instead of throwing: a provider's failure is information for
/// the user (which object, what the service said, what to do), not an exception.
public protocol Provider: Sendable {
    var name: String { get }
    var schemas: [ResourceTypeSchema] { get }

    /// Reads many objects of one type at once (a list call with paging, plus single gets only
    /// for what a list lacks). Objects missing from the result no longer exist.
    func read(type: String, objects: [KnownObject]) async -> ReadResult

    func create(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome
    func update(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome
    func delete(_ request: OperationRequest) async -> OperationOutcome

    /// Finds an object whose create may have happened without castform hearing the answer
    /// (a timeout, a kill). nil when there is none: then the create is planned again.
    func recover(_ request: OperationRequest) async -> RecoveryResult

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

public enum RecoveryResult: Sendable {
    case found(RemoteObject)
    case notFound
    case failed([Diagnostic])
}

public struct DataResult: Sendable {
    public var attributes: [String: Value]
    public var diagnostics: [Diagnostic]

    public init(attributes: [String: Value] = [:], diagnostics: [Diagnostic] = []) {
        self.attributes = attributes
        self.diagnostics = diagnostics
    }
}
