/// Everything castform knows about one resource or data-source type before talking to anyone.
public struct ResourceTypeSchema: Sendable {
    public var name: String {
        get { storage.fields.name }
        set { storage.fields.name = newValue }
    }
    public var mode: ResourceAddress.Mode {
        get { storage.fields.mode }
        set { storage.fields.mode = newValue }
    }
    public var provider: String {
        get { storage.fields.provider }
        set { storage.fields.provider = newValue }
    }
    public var summary: String {
        get { storage.fields.summary }
        set { storage.fields.summary = newValue }
    }
    /// The body: arguments (settable) and results (computed) alike.
    public var body: ObjectSchema {
        get { storage.fields.body }
        set { storage.fields.body = newValue }
    }
    /// Extra keys a `lifecycle` block accepts for this type (an `on_remove` choice).
    public var lifecycleOptions: [Attribute] {
        get { storage.fields.lifecycleOptions }
        set { storage.fields.lifecycleOptions = newValue }
    }
    /// Replacements make the new object before removing the old one even without
    /// `create_before_destroy` (a show is re-uploaded before the old one is taken down).
    public var createsBeforeDestroying: Bool {
        get { storage.fields.createsBeforeDestroying }
        set { storage.fields.createsBeforeDestroying = newValue }
    }
    /// What removing a managed object does when no lifecycle option chooses otherwise.
    public var removal: Removal {
        get { storage.fields.removal }
        set { storage.fields.removal = newValue }
    }
    /// The lifecycle option that chooses what removal does (`on_remove` for cloudcasts), and
    /// what each of its values means. Removal reads it from state when the manifest is gone.
    public var removalOption: String? {
        get { storage.fields.removalOption }
        set { storage.fields.removalOption = newValue }
    }
    public var removalChoices: [String: Removal] {
        get { storage.fields.removalChoices }
        set { storage.fields.removalChoices = newValue }
    }
    /// A file format of the service's own tools that declares one resource of this type.
    public var documentFormat: DocumentFormat? {
        get { storage.fields.documentFormat }
        set { storage.fields.documentFormat = newValue }
    }
    /// How the service names the attributes (the reference's "Service field" column); nil
    /// when not documented.
    public var serviceFields: ServiceFields? {
        get { storage.fields.serviceFields }
        set { storage.fields.serviceFields = newValue }
    }
    /// A manifest declaring one object of this type, for the reference.
    public var example: String? {
        get { storage.fields.example }
        set { storage.fields.example = newValue }
    }

    /// The fields in one shared box (`Boxed`): planning hands a type's schema to each of
    /// 10,000 objects, and a copy of the box is one reference, not a dozen fields.
    private var storage: Boxed<Fields>

    private struct Fields: Sendable {
        var name: String
        var mode: ResourceAddress.Mode
        var provider: String
        var summary: String
        var body: ObjectSchema
        var lifecycleOptions: [Attribute]
        var createsBeforeDestroying: Bool
        var removal: Removal
        var removalOption: String? = nil
        var removalChoices: [String: Removal]
        var documentFormat: DocumentFormat? = nil
        var serviceFields: ServiceFields? = nil
        var example: String? = nil
    }

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
        storage = Boxed(Fields(name: name, mode: mode, provider: provider, summary: summary, body: body,
                              lifecycleOptions: lifecycleOptions, createsBeforeDestroying: createsBeforeDestroying,
                              removal: removal, removalOption: removalOption, removalChoices: removalChoices,
                              documentFormat: documentFormat))
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
