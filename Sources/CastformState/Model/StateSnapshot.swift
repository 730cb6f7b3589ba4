import CastformCore
import CastformJSON
import Foundation
import Synchronization

/// The state document: every managed object castform knows, with `serial` (bumped on every
/// change) and `lineage` (fixed when the state is born), so a plan can tell if it is stale.
///
/// Resources are held by address, so that `resource(_:)` and `apply(_:)` cost O(1): the
/// planner and the executor call them a few times per resource, and an apply of N objects
/// applies about 2N changes. `resources`, the order users see (state.json, `state list`,
/// plans), is sorted by address once changes have been applied; it is sorted when it is read,
/// at most once per batch of changes, instead of after every change.
public struct StateSnapshot: Codable, Sendable {
    public static let currentVersion = 1

    public var version: Int
    public var serial: Int
    public var lineage: String
    public var outputs: [String: Value]
    private var byAddress: [ResourceAddress: ResourceState]
    private var listing: Listing

    public init(version: Int = StateSnapshot.currentVersion, serial: Int = 0, lineage: String = UUID().uuidString.lowercased(),
                resources: [ResourceState] = [], outputs: [String: Value] = [:]) {
        self.version = version
        self.serial = serial
        self.lineage = lineage
        self.outputs = outputs
        byAddress = Self.index(resources)
        listing = Listing(resources)
    }

    /// Every resource: in the order given (by `init`, or as a state file lists them) until a
    /// change is applied, sorted by address from then on.
    public var resources: [ResourceState] {
        get { listing.resources { Self.sorted(byAddress) } }
        set {
            byAddress = Self.index(newValue)
            listing = Listing(newValue)
        }
    }

    public func resource(_ address: ResourceAddress) -> ResourceState? {
        byAddress[address]
    }

    /// Whether state has an object at `address` (without copying it out).
    public func holds(_ address: ResourceAddress) -> Bool {
        byAddress.index(forKey: address) != nil
    }

    /// Every remote id state holds: its objects' and the replaced objects still to remove.
    /// A lost create cannot have made one of these, and an import must not take one over.
    public var claimedIDs: Set<String> {
        Set(resources.compactMap(\.id) + resources.flatMap { $0.deposed ?? [] })
    }

    /// Who holds a remote id, in words for a message: "managed as ADDR" or "being replaced by
    /// ADDR" (an object a replacement has yet to take down).
    public func holder(of id: String) -> String? {
        guard let resource = resources.first(where: { $0.id == id || ($0.deposed ?? []).contains(id) }) else { return nil }
        return (resource.id == id ? "managed as " : "being replaced by ") + resource.address.description
    }

    /// Applies one change, as the journal replays it; bumps the serial.
    public mutating func apply(_ change: StateChange) {
        switch change {
        case .put(let resource):
            byAddress[resource.address] = resource
        case .remove(let address):
            byAddress[address] = nil
        case .outputs(let outputs):
            self.outputs = outputs
        case .move(let from, let to):
            if var resource = byAddress.removeValue(forKey: from) {
                resource.address = to
                byAddress[to] = resource
            }
        }
        listing = Listing(nil)
        serial += 1
    }

    /// The first resource of an address wins, as a scan from the front would find it.
    /// Made at its final size, without a list of pairs in between (a copy of every resource).
    private static func index(_ resources: [ResourceState]) -> [ResourceAddress: ResourceState] {
        var index = [ResourceAddress: ResourceState](minimumCapacity: resources.count)
        // From the back, so that the first of an address is the one left.
        for resource in resources.reversed() { index[resource.address] = resource }
        return index
    }

    /// Sorted as `ResourceAddress` compares (by its text), each text made once.
    private static func sorted(_ byAddress: [ResourceAddress: ResourceState]) -> [ResourceState] {
        byAddress.map { (key: $0.key.description, resource: $0.value) }.sorted { $0.key < $1.key }.map(\.resource)
    }

    private enum CodingKeys: String, CodingKey {
        case version, serial, lineage, resources, outputs
    }

    public init(from decoder: Decoder) throws {
        // State files are read with JSONValueDecoder: build from the parsed tree directly
        // (StateSnapshot+Direct.swift); what that reader does not recognise is read here.
        if let node = decoder as? JSONValueDecoder.Node, let snapshot = StateSnapshot(stateJSON: node.value) {
            self = snapshot
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(version: try container.decode(Int.self, forKey: .version),
                  serial: try container.decode(Int.self, forKey: .serial),
                  lineage: try container.decode(String.self, forKey: .lineage),
                  resources: try container.decode([ResourceState].self, forKey: .resources),
                  outputs: try container.decode([String: Value].self, forKey: .outputs))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(serial, forKey: .serial)
        try container.encode(lineage, forKey: .lineage)
        try container.encode(resources, forKey: .resources)
        try container.encode(outputs, forKey: .outputs)
    }

    /// `resources` in order, made when first read after a change and kept until the next one.
    ///
    /// A class, so that a read (which cannot mutate the snapshot) can keep what it sorted;
    /// copies of a snapshot share it only while they hold the same resources, because every
    /// change gives the changed copy a new, empty one. The mutex makes concurrent reads of
    /// shared copies safe.
    private final class Listing: Sendable {
        private let ordered: Mutex<[ResourceState]?>

        init(_ ordered: [ResourceState]?) {
            self.ordered = Mutex(ordered)
        }

        func resources(_ make: () -> [ResourceState]) -> [ResourceState] {
            ordered.withLock { ordered in
                if let ordered { return ordered }
                let made = make()
                ordered = made
                return made
            }
        }
    }
}

/// One resource in state.
///
/// Its fields are kept in one shared box (`Boxed`): a plan copies every record of state
/// several times (state's index, its listing, the refresh's groups, the drift), and a copy of
/// the box counts one reference instead of one per field. Coded under the fields' own names.
public struct ResourceState: Codable, Sendable, Equatable {
    public var address: ResourceAddress {
        get { storage.fields.address }
        set { storage.fields.address = newValue }
    }
    public var provider: String {
        get { storage.fields.provider }
        set { storage.fields.provider = newValue }
    }
    /// nil only while a create is pending and its outcome unknown.
    public var id: String? {
        get { storage.fields.id }
        set { storage.fields.id = newValue }
    }
    /// Attributes as last read or written; sensitive ones as keyed hashes.
    public var attributes: [String: Value] {
        get { storage.fields.attributes }
        set { storage.fields.attributes = newValue }
    }
    public var privateData: [String: Value] {
        get { storage.fields.privateData }
        set { storage.fields.privateData = newValue }
    }
    public var dependencies: [ResourceAddress] {
        get { storage.fields.dependencies }
        set { storage.fields.dependencies = newValue }
    }
    /// An operation sent but not confirmed: the next run asks the provider before acting.
    public var pending: PendingOperation? {
        get { storage.fields.pending }
        set { storage.fields.pending = newValue }
    }
    /// Ids of objects this one replaced that still have to be removed (create-before-destroy).
    public var deposed: [String]? {
        get { storage.fields.deposed }
        set { storage.fields.deposed = newValue }
    }
    /// The type's lifecycle options as last applied (`on_remove`): what removal does once the
    /// manifest that declared them is gone.
    public var lifecycle: [String: Value]? {
        get { storage.fields.lifecycle }
        set { storage.fields.lifecycle = newValue }
    }

    private var storage: Boxed<Fields>

    private struct Fields: Codable, Sendable, Equatable {
        var address: ResourceAddress
        var provider: String
        var id: String?
        var attributes: [String: Value]
        var privateData: [String: Value]
        var dependencies: [ResourceAddress]
        var pending: PendingOperation?
        var deposed: [String]?
        var lifecycle: [String: Value]?
    }

    public init(address: ResourceAddress, provider: String, id: String?, attributes: [String: Value] = [:],
                privateData: [String: Value] = [:], dependencies: [ResourceAddress] = [], pending: PendingOperation? = nil,
                deposed: [String]? = nil, lifecycle: [String: Value]? = nil) {
        storage = Boxed(Fields(address: address, provider: provider, id: id, attributes: attributes, privateData: privateData,
                               dependencies: dependencies, pending: pending, deposed: deposed, lifecycle: lifecycle))
    }

    public init(from decoder: Decoder) throws {
        storage = Boxed(try Fields(from: decoder))
    }

    public func encode(to encoder: Encoder) throws {
        try storage.fields.encode(to: encoder)
    }

    public static func == (a: ResourceState, b: ResourceState) -> Bool {
        a.storage.isShared(with: b.storage) || a.storage.fields == b.storage.fields
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
    /// What the provider noted before sending it, to find its result (the address the
    /// service will give it, the fingerprint of the file sent); nil in older state files.
    public var notes: [String: Value]?

    public init(kind: Kind, started: Date = Date(), desired: [String: Value] = [:], notes: [String: Value]? = nil) {
        self.kind = kind
        self.started = started
        self.desired = desired
        self.notes = notes
    }
}

/// One completed step, as written to the journal.
public enum StateChange: Codable, Sendable, Equatable {
    case put(ResourceState)
    case remove(ResourceAddress)
    case outputs([String: Value])
    /// A `moved` entry carried out: the object recorded at `from` is recorded at `to`, in one
    /// record, so an interrupted apply never leaves it at both addresses or at neither.
    case move(from: ResourceAddress, to: ResourceAddress)
}
