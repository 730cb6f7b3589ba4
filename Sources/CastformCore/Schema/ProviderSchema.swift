/// What a provider accepts in castform.yaml's `providers:` block.
public struct ProviderSchema: Sendable {
    public var name: String
    public var config: ObjectSchema

    public init(name: String, config: ObjectSchema) {
        self.name = name
        self.config = config
    }
}
