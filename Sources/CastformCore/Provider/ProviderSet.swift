/// The providers a run uses, and the schemas they bring.
public struct ProviderSet: Sendable {
    public let providers: [String: any Provider]
    public let registry: SchemaRegistry

    public init(_ providers: [any Provider], configurations: [ProviderSchema] = []) {
        var byName: [String: any Provider] = [:]
        for provider in providers { byName[provider.name] = provider }
        self.providers = byName
        let known = Set(configurations.map(\.name))
        let defaults = providers.filter { !known.contains($0.name) }.map { ProviderSchema(name: $0.name, config: ObjectSchema([])) }
        registry = SchemaRegistry(providers.flatMap(\.schemas), providers: configurations + defaults)
    }

    /// The provider that owns a type (by its schema's provider name).
    public func provider(for address: ResourceAddress) -> (any Provider)? {
        registry.schema(address.mode, address.type).flatMap { providers[$0.provider] }
    }

    public func schema(for address: ResourceAddress) -> ResourceTypeSchema? {
        registry.schema(address.mode, address.type)
    }
}
