/// Everything castform knows about one resource or data-source type before talking to anyone.
public struct ResourceTypeSchema: Sendable {
    public var name: String
    public var mode: ResourceAddress.Mode
    public var provider: String
    public var summary: String
    /// The body: arguments (settable) and results (computed) alike.
    public var body: ObjectSchema
    /// Extra keys a `lifecycle` block accepts for this type (an `on_remove` choice).
    public var lifecycleOptions: [Attribute]
    /// Replacements make the new object before removing the old one even without
    /// `create_before_destroy` (a show is re-uploaded before the old one is taken down).
    public var createsBeforeDestroying: Bool
    /// What removing a managed object does when no lifecycle option chooses otherwise.
    public var removal: Removal
    /// The lifecycle option that chooses what removal does (`on_remove` for cloudcasts), and
    /// what each of its values means. Removal reads it from state when the manifest is gone.
    public var removalOption: String?
    public var removalChoices: [String: Removal]
    /// A file format of the service's own tools that declares one resource of this type.
    public var documentFormat: DocumentFormat?
    /// How the service names the attributes (the reference's "Service field" column); nil
    /// when not documented.
    public var serviceFields: ServiceFields?
    /// A manifest declaring one object of this type, for the reference.
    public var example: String?

    public init(
        name: String,
        mode: ResourceAddress.Mode = .managed,
        provider: String,
        summary: String,
        body: ObjectSchema,
        lifecycleOptions: [Attribute] = [],
        createsBeforeDestroying: Bool = false,
        removal: Removal = .destroy,
        removalOption: String? = nil,
        removalChoices: [String: Removal] = [:],
        documentFormat: DocumentFormat? = nil
    ) {
        self.name = name
        self.mode = mode
        self.provider = provider
        self.summary = summary
        self.body = body
        self.lifecycleOptions = lifecycleOptions
        self.createsBeforeDestroying = createsBeforeDestroying
        self.removal = removal
        self.removalOption = removalOption
        self.removalChoices = removalChoices
        self.documentFormat = documentFormat
    }

    /// What removal does under these lifecycle options (as declared, or as state recorded them).
    public func removal(_ lifecycle: [String: Value]?) -> Removal {
        guard let option = removalOption else { return removal }
        let chosen = lifecycle?[option]?.stringValue ?? lifecycleDefaults[option]?.stringValue
        return chosen.flatMap { removalChoices[$0] } ?? removal
    }

    /// The lifecycle options' defaults, so options recorded before an option existed compare
    /// equal to options declared with their default.
    public var lifecycleDefaults: [String: Value] {
        var defaults: [String: Value] = [:]
        for option in lifecycleOptions { if let value = option.defaultValue { defaults[option.name] = value } }
        return defaults
    }

    public func attribute(_ name: String) -> Attribute? {
        body.attribute(named: name)
    }
}
