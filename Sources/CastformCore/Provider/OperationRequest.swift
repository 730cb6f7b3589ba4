import Foundation

/// A request to create, update or delete one object.
public struct OperationRequest: Sendable {
    public var address: ResourceAddress
    /// The remote id, for updates and deletes.
    public var id: String?
    /// The manifest's values, evaluated; sensitive values keep their mark (unmark to send).
    public var desired: [String: Value]
    /// The object as last read, for updates and deletes.
    public var prior: RemoteObject?
    /// For updates: the attributes whose values change.
    public var changed: [String]
    /// Who is asking, so a provider can tag what it creates and find it again after a lost
    /// response: the state's lineage.
    public var lineage: String
    /// The type's lifecycle options (`on_remove`), as declared or, for an object no longer in
    /// the manifests, as state recorded them: a delete may mean "unlist" rather than "delete".
    public var lifecycle: [String: Value]
    /// For `recover`: ids of objects state already holds (other resources, and the object a
    /// replacement is replacing), which can never be the one a lost create made.
    public var excluding: Set<String> = []
    /// For `recover`: when the lost create was sent; what it made cannot be older.
    public var sentAt: Date?
    /// For `create` and `recover`: what the provider noted before the create was sent
    /// (`Provider.notes(forCreating:)`), as the pending record keeps it.
    public var notes: [String: Value] = [:]

    public init(address: ResourceAddress, id: String? = nil, desired: [String: Value] = [:],
                prior: RemoteObject? = nil, changed: [String] = [], lineage: String, lifecycle: [String: Value] = [:]) {
        self.address = address
        self.id = id
        self.desired = desired
        self.prior = prior
        self.changed = changed
        self.lineage = lineage
        self.lifecycle = lifecycle
    }
}

/// How an operation ended.
public enum OperationOutcome: Sendable {
    /// Done; the object as it now is (nil after a delete).
    case succeeded(RemoteObject?)
    /// Not done, and the service is unchanged.
    case failed([Diagnostic])
    /// The request went out but no answer came back: the object may or may not exist now.
    /// State records the operation as pending, and the next run asks `recover` first.
    case unknown([Diagnostic])
}

/// Progress of a long operation (an upload), in bytes.
public struct TransferProgress: Sendable, Hashable {
    public var completed: Int64
    public var total: Int64

    public init(completed: Int64, total: Int64) {
        self.completed = completed
        self.total = total
    }
}

public typealias ProgressHandler = @Sendable (TransferProgress) -> Void
