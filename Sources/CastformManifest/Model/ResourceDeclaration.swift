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
        get { box.fields.address }
        set { update { $0.address = newValue } }
    }
    /// Where the resource's name is written (or the file's start, for a library-format file).
    public var location: SourceLocation {
        get { box.fields.location }
        set { update { $0.location = newValue } }
    }
    /// The body, an object, decoded against the type's schema.
    public var body: ConfigValue {
        get { box.fields.body }
        set { update { $0.body = newValue } }
    }
    public var dependsOn: [(address: ResourceAddress, location: SourceLocation)] {
        get { box.fields.dependsOn }
        set { update { $0.dependsOn = newValue } }
    }
    public var lifecycle: Lifecycle {
        get { box.fields.lifecycle }
        set { update { $0.lifecycle = newValue } }
    }
    public var origin: Origin {
        get { box.fields.origin }
        set { update { $0.origin = newValue } }
    }
    /// The collection whose items become this declaration's instances; nil for one object.
    public var forEach: ForEach? {
        get { box.fields.forEach }
        set { update { $0.forEach = newValue } }
    }

    /// The fields, in one immutable box: a declaration is copied into maps, batches and
    /// outcomes several times per plan, and a copy of the box is one reference to count rather
    /// than a dozen (on 10,000 declarations that counting cost more than comparing them).
    /// Declarations are changed only while decoded; a change makes a new box.
    private var box: Box

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private struct Fields: Sendable {
        var address: ResourceAddress
        var location: SourceLocation
        var body: ConfigValue
        var dependsOn: [(address: ResourceAddress, location: SourceLocation)]
        var lifecycle: Lifecycle
        var origin: Origin
        var forEach: ForEach?
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.fields
        change(&fields)
        box = Box(fields)
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
        box = Box(Fields(address: address, location: location, body: body, dependsOn: dependsOn,
                         lifecycle: lifecycle, origin: origin, forEach: forEach))
    }
}
