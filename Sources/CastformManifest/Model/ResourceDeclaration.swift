import CastformCore

/// One resource or data source as a manifest declares it.
public struct ResourceDeclaration: Sendable {
    /// How the declaration was written.
    public enum Origin: Sendable, Hashable {
        /// Under a type key in a castform manifest.
        case manifest
        /// A file in a provider's own document format (`DocumentFormat`): one resource,
        /// named by the file.
        case documentFile
    }

    public var address: ResourceAddress {
        get { storage.fields.address }
        set { storage.fields.address = newValue }
    }
    /// Where the resource's name is written (or the file's start, for a library-format file).
    public var location: SourceLocation {
        get { storage.fields.location }
        set { storage.fields.location = newValue }
    }
    /// The body, an object, decoded against the type's schema.
    public var body: ConfigValue {
        get { storage.fields.body }
        set { storage.fields.body = newValue }
    }
    public var dependsOn: [(address: ResourceAddress, location: SourceLocation)] {
        get { storage.fields.dependsOn }
        set { storage.fields.dependsOn = newValue }
    }
    public var lifecycle: Lifecycle {
        get { storage.fields.lifecycle }
        set { storage.fields.lifecycle = newValue }
    }
    public var origin: Origin {
        get { storage.fields.origin }
        set { storage.fields.origin = newValue }
    }
    /// The collection whose items become this declaration's instances; nil for one object.
    public var forEach: ForEach? {
        get { storage.fields.forEach }
        set { storage.fields.forEach = newValue }
    }

    /// The fields in one shared box (`Boxed`): a declaration is copied into maps, batches and
    /// outcomes several times per plan; it is changed only while decoded.
    private var storage: Boxed<Fields>

    private struct Fields: Sendable {
        var address: ResourceAddress
        var location: SourceLocation
        var body: ConfigValue
        var dependsOn: [(address: ResourceAddress, location: SourceLocation)]
        var lifecycle: Lifecycle
        var origin: Origin
        var forEach: ForEach?
    }

    public init(
        address: ResourceAddress,
        location: SourceLocation,
        body: ConfigValue,
        dependsOn: [(address: ResourceAddress, location: SourceLocation)] = [],
        lifecycle: Lifecycle = Lifecycle(),
        origin: Origin = .manifest,
        forEach: ForEach? = nil
    ) {
        storage = Boxed(Fields(address: address, location: location, body: body, dependsOn: dependsOn,
                              lifecycle: lifecycle, origin: origin, forEach: forEach))
    }
}
