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

    public init(
        name: String,
        mode: ResourceAddress.Mode = .managed,
        provider: String,
        summary: String,
        body: ObjectSchema,
        lifecycleOptions: [Attribute] = []
    ) {
        self.name = name
        self.mode = mode
        self.provider = provider
        self.summary = summary
        self.body = body
        self.lifecycleOptions = lifecycleOptions
    }
}
