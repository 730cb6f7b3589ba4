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

    public var name: String
    public var type: ValueType
    public var presence: Presence
    /// Never shown or stored in clear (stream keys, target URLs, secrets).
    public var sensitive: Bool
    /// A change cannot be made in place: the object is replaced.
    public var forceNew: Bool
    /// The service accepts it but never returns it; changes are detected through state's hash.
    public var writeOnly: Bool
    /// Used when the manifest leaves the attribute out.
    public var defaultValue: Value?
    /// Other names accepted in manifests (`name` for `title`, `desc` for `description`, as a
    /// service's own library writes them).
    public var aliases: [String]
    public var constraints: [Constraint]
    /// Applied to desired and remote values alike before they are compared.
    public var normalizations: [Normalization]
    /// For a list of objects: the keys that name an element across versions (an element
    /// named by its `name` key), so a plan shows that element changed rather than one removed and one added.
    /// nil when elements have no name of their own: they are paired by position once equal
    /// elements are lined up.
    public var identity: [String]?
    public var summary: String

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
        self.name = name
        self.type = type
        self.presence = presence
        self.sensitive = sensitive
        self.forceNew = forceNew
        self.writeOnly = writeOnly
        self.defaultValue = defaultValue
        self.aliases = aliases
        self.constraints = constraints
        self.normalizations = normalizations
        self.identity = identity
        self.summary = summary
    }

    /// Whether a manifest may set it.
    public var isSettable: Bool { presence != .computed }
}
