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

    public var address: ResourceAddress
    /// Where the resource's name is written (or the file's start, for a library-format file).
    public var location: SourceLocation
    /// The body, an object, decoded against the type's schema.
    public var body: ConfigValue
    public var dependsOn: [(address: ResourceAddress, location: SourceLocation)]
    public var lifecycle: Lifecycle
    public var origin: Origin
    /// The collection whose items become this declaration's instances; nil for one object.
    public var forEach: ForEach?

    public init(
        address: ResourceAddress,
        location: SourceLocation,
        body: ConfigValue,
        dependsOn: [(address: ResourceAddress, location: SourceLocation)] = [],
        lifecycle: Lifecycle = Lifecycle(),
        origin: Origin = .manifest
    ) {
        self.address = address
        self.location = location
        self.body = body
        self.dependsOn = dependsOn
        self.lifecycle = lifecycle
        self.origin = origin
    }
}
