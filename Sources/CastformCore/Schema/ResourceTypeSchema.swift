/// Everything castform knows about one resource or data-source type before talking to anyone.
public struct ResourceTypeSchema: Sendable {
    public var name: String
    public var mode: ResourceAddress.Mode
    public var provider: String
    public var summary: String
    /// The body: arguments (settable) and results (computed) alike.
    public var body: ObjectSchema
    /// Extra keys a `lifecycle` block accepts for this type (Mixcloud's `on_remove`).
    public var lifecycleOptions: [Attribute]
    /// Replacements make the new object before removing the old one even without
    /// `create_before_destroy` (a show is re-uploaded before the old one is taken down).
    public var createsBeforeDestroying: Bool
    /// What removing a managed object does, in words for the plan ("delete", or for Mixcloud,
    /// which cannot delete, "unpublish (move to drafts)").
    public var removalDescription: String

    public init(
        name: String,
        mode: ResourceAddress.Mode = .managed,
        provider: String,
        summary: String,
        body: ObjectSchema,
        lifecycleOptions: [Attribute] = [],
        createsBeforeDestroying: Bool = false,
        removalDescription: String = "delete"
    ) {
        self.name = name
        self.mode = mode
        self.provider = provider
        self.summary = summary
        self.body = body
        self.lifecycleOptions = lifecycleOptions
        self.createsBeforeDestroying = createsBeforeDestroying
        self.removalDescription = removalDescription
    }

    public func attribute(_ name: String) -> Attribute? {
        body.attribute(named: name)
    }
}
