import CastformCore
import Foundation

/// The state document: every managed object castform knows, with `serial` (bumped on every
/// change) and `lineage` (fixed when the state is born), so a plan can tell if it is stale.
public struct StateSnapshot: Codable, Sendable {
    public static let currentVersion = 1

    public var version: Int
    public var serial: Int
    public var lineage: String
    public var resources: [ResourceState]
    public var outputs: [String: Value]

    public init(version: Int = StateSnapshot.currentVersion, serial: Int = 0, lineage: String = UUID().uuidString.lowercased(),
                resources: [ResourceState] = [], outputs: [String: Value] = [:]) {
        self.version = version
        self.serial = serial
        self.lineage = lineage
        self.resources = resources
        self.outputs = outputs
    }

    public func resource(_ address: ResourceAddress) -> ResourceState? {
        resources.first { $0.address == address }
    }

    /// Every remote id state holds: its objects' and the replaced objects still to remove.
    /// A lost create cannot have made one of these, and an import must not take one over.
    public var claimedIDs: Set<String> {
        Set(resources.compactMap(\.id) + resources.flatMap { $0.deposed ?? [] })
    }

    /// Applies one change, as the journal replays it; bumps the serial.
    public mutating func apply(_ change: StateChange) {
        switch change {
        case .put(let resource):
            if let index = resources.firstIndex(where: { $0.address == resource.address }) {
                resources[index] = resource
            } else {
                resources.append(resource)
            }
        case .remove(let address):
            resources.removeAll { $0.address == address }
        case .outputs(let outputs):
            self.outputs = outputs
        }
        resources.sort { $0.address < $1.address }
        serial += 1
    }
}

/// One resource in state.
public struct ResourceState: Codable, Sendable, Equatable {
    public var address: ResourceAddress
    public var provider: String
    /// nil only while a create is pending and its outcome unknown.
    public var id: String?
    /// Attributes as last read or written; sensitive ones as keyed hashes.
    public var attributes: [String: Value]
    public var privateData: [String: Value]
    public var dependencies: [ResourceAddress]
    /// An operation sent but not confirmed: the next run asks the provider before acting.
    public var pending: PendingOperation?
    /// Ids of objects this one replaced that still have to be removed (create-before-destroy).
    public var deposed: [String]?
    /// The type's lifecycle options as last applied (`on_remove`): what removal does once the
    /// manifest that declared them is gone.
    public var lifecycle: [String: Value]?

    public init(address: ResourceAddress, provider: String, id: String?, attributes: [String: Value] = [:],
                privateData: [String: Value] = [:], dependencies: [ResourceAddress] = [], pending: PendingOperation? = nil,
                deposed: [String]? = nil, lifecycle: [String: Value]? = nil) {
        self.address = address
        self.provider = provider
        self.id = id
        self.attributes = attributes
        self.privateData = privateData
        self.dependencies = dependencies
        self.pending = pending
        self.deposed = deposed
        self.lifecycle = lifecycle
    }
}

/// An operation whose result castform has not seen (yet).
public struct PendingOperation: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case create, update, delete
    }

    public var kind: Kind
    public var started: Date
    /// What was sent, sensitive values hashed: what `recover` looks for.
    public var desired: [String: Value]

    public init(kind: Kind, started: Date = Date(), desired: [String: Value] = [:]) {
        self.kind = kind
        self.started = started
        self.desired = desired
    }
}

/// One completed step, as written to the journal.
public enum StateChange: Codable, Sendable, Equatable {
    case put(ResourceState)
    case remove(ResourceAddress)
    case outputs([String: Value])
}
