/// An object as a service holds it: its id and the attributes castform can see.
public struct RemoteObject: Sendable, Hashable {
    public var id: String
    /// Attributes by schema name, normalised by the provider to the manifest's shape.
    public var attributes: [String: Value]
    /// Facts a provider keeps for itself between runs (a modification time, a content hash),
    /// stored in state beside the object and handed back on the next read.
    public var privateData: [String: Value]

    public init(id: String, attributes: [String: Value], privateData: [String: Value] = [:]) {
        self.id = id
        self.attributes = attributes
        self.privateData = privateData
    }

    /// The object, holding `known`'s values where they are equal (most objects of a plan have
    /// not changed): one copy of each in memory instead of two, for 10,000 objects read.
    public func sharingValues(with known: KnownObject) -> RemoteObject {
        var shared = self
        if shared.attributes == known.attributes { shared.attributes = known.attributes }
        if shared.privateData == known.privateData { shared.privateData = known.privateData }
        return shared
    }
}

/// An object castform knows from state: what a read needs to find it again.
public struct KnownObject: Sendable {
    public var address: ResourceAddress
    public var id: String
    /// What state recorded at the last read or write (sensitive values as hashes).
    public var attributes: [String: Value]
    public var privateData: [String: Value]
    /// The attributes the manifest sets (each once): providers may skip the single gets of
    /// description-like attributes for objects whose values are not managed. A list, not a
    /// set: a read of 10,000 objects asks it two or three names each.
    public var managedAttributes: [String]

    public init(address: ResourceAddress, id: String, attributes: [String: Value] = [:],
                privateData: [String: Value] = [:], managedAttributes: [String] = []) {
        self.address = address
        self.id = id
        self.attributes = attributes
        self.privateData = privateData
        self.managedAttributes = managedAttributes
    }
}
