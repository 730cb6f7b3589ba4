/// One attribute of a resource type: its type, who sets it, and the rules it obeys.
public struct Attribute: Sendable {
    public enum Presence: Sendable, Hashable {
        /// The manifest must set it.
        case required
        /// Needed to create the object, which only the manifest can give (a show's audio file:
        /// the service never returns it). An object that already exists, imported into state,
        /// may leave it out; declaring it later records it instead of replacing the object.
        case requiredToCreate
        /// The manifest may set it; unset means "not managed" unless there is a default.
        case optional
        /// Only the service sets it (ids, stream keys); the manifest may not.
        case computed
        /// The manifest may set it; otherwise the service chooses and castform keeps its choice.
        case optionalComputed
    }

    public var name: String {
        get { storage.fields.name }
        set { storage.fields.name = newValue }
    }
    public var type: ValueType {
        get { storage.fields.type }
        set { storage.fields.type = newValue }
    }
    public var presence: Presence {
        get { storage.fields.presence }
        set { storage.fields.presence = newValue }
    }
    /// Never shown or stored in clear (stream keys, target URLs, secrets).
    public var sensitive: Bool {
        get { storage.fields.sensitive }
        set { storage.fields.sensitive = newValue }
    }
    /// A change cannot be made in place: the object is replaced.
    public var forceNew: Bool {
        get { storage.fields.forceNew }
        set { storage.fields.forceNew = newValue }
    }
    /// The service accepts it but never returns it; changes are detected through state's hash.
    public var writeOnly: Bool {
        get { storage.fields.writeOnly }
        set { storage.fields.writeOnly = newValue }
    }
    /// Used when the manifest leaves the attribute out.
    public var defaultValue: Value? {
        get { storage.fields.defaultValue }
        set { storage.fields.defaultValue = newValue }
    }
    /// Other names accepted in manifests (`name` for `title`, `desc` for `description`, as a
    /// service's own library writes them).
    public var aliases: [String] {
        get { storage.fields.aliases }
        set { storage.fields.aliases = newValue }
    }
    public var constraints: [Constraint] {
        get { storage.fields.constraints }
        set { storage.fields.constraints = newValue }
    }
    /// Applied to desired and remote values alike before they are compared.
    public var normalizations: [Normalization] {
        get { storage.fields.normalizations }
        set { storage.fields.normalizations = newValue }
    }
    /// For a list of objects: the keys that name an element across versions (an element
    /// named by its `name` key), so a plan shows that element changed rather than one removed and one added.
    /// nil when elements have no name of their own: they are paired by position once equal
    /// elements are lined up.
    public var identity: [String]? {
        get { storage.fields.identity }
        set { storage.fields.identity = newValue }
    }
    public var summary: String {
        get { storage.fields.summary }
        set { storage.fields.summary = newValue }
    }

    /// The fields in one shared box (`Boxed`): schemas hand out attributes by the thousand
    /// (every value decoded, checked and compared looks its attribute up).
    private var storage: Boxed<Fields>

    private struct Fields: Sendable {
        var name: String
        var type: ValueType
        var presence: Presence
        var sensitive: Bool
        var forceNew: Bool
        var writeOnly: Bool
        var defaultValue: Value?
        var aliases: [String]
        var constraints: [Constraint]
        var normalizations: [Normalization]
        var identity: [String]?
        var summary: String
    }

    public init(
        _ name: String,
        _ type: ValueType,
        _ presence: Presence = .optional,
        sensitive: Bool = false,
        forceNew: Bool = false,
        writeOnly: Bool = false,
        default defaultValue: Value? = nil,
        aliases: [String] = [],
        constraints: [Constraint] = [],
        normalizations: [Normalization] = [],
        identity: [String]? = nil,
        summary: String = ""
    ) {
        storage = Boxed(Fields(name: name, type: type, presence: presence, sensitive: sensitive, forceNew: forceNew,
                              writeOnly: writeOnly, defaultValue: defaultValue, aliases: aliases, constraints: constraints,
                              normalizations: normalizations, identity: identity, summary: summary))
    }

    /// Whether a manifest may set it.
    public var isSettable: Bool { presence != .computed }
}
