import CastformCore

/// A resource's `for_each`: the collection whose items each become an instance, named by a key.
///
/// A map's keys name its instances; a list of strings is keyed by the strings, a list of
/// objects by each object's `id`, or by the attribute `for_each_key` names. The collection may
/// be written in the manifest or come from elsewhere (`${data.TYPE.NAME.ATTR}`): it is kept
/// as written and evaluated when planning, once what it refers to is known.
public struct ForEach: Sendable {
    public var collection: ConfigValue
    /// `for_each_key`, with where it is written.
    public var keyAttribute: (name: String, location: SourceLocation)?
    /// Where `for_each` is written: problems with the keys are reported there.
    public var location: SourceLocation

    public init(collection: ConfigValue, keyAttribute: (name: String, location: SourceLocation)? = nil, location: SourceLocation) {
        self.collection = collection
        self.keyAttribute = keyAttribute
        self.location = location
    }

    /// The attribute that names an object item's instance.
    public var keyName: String { keyAttribute?.name ?? "id" }
}

/// A `moved` entry: state's object for `from` is `to`'s from now on.
public struct Move: Sendable, Hashable {
    public var from: ResourceAddress
    public var to: ResourceAddress
    /// Where the entry is written.
    public var location: SourceLocation

    public init(from: ResourceAddress, to: ResourceAddress, location: SourceLocation) {
        self.from = from
        self.to = to
        self.location = location
    }
}
