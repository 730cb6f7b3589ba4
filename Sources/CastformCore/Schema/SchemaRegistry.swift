/// The types every provider declares, looked up by mode and name.
public struct SchemaRegistry: Sendable {
    public private(set) var managed: [String: ResourceTypeSchema] = [:]
    public private(set) var data: [String: ResourceTypeSchema] = [:]
    public private(set) var providers: [String: ProviderSchema] = [:]

    public init(_ schemas: [ResourceTypeSchema] = [], providers: [ProviderSchema] = []) {
        for schema in schemas { register(schema) }
        for provider in providers { self.providers[provider.name] = provider }
    }

    public mutating func register(_ schema: ResourceTypeSchema) {
        switch schema.mode {
        case .managed: managed[schema.name] = schema
        case .data: data[schema.name] = schema
        }
    }

    public func schema(_ mode: ResourceAddress.Mode, _ type: String) -> ResourceTypeSchema? {
        mode == .managed ? managed[type] : data[type]
    }

    public var providerNames: [String] {
        providers.keys.sorted()
    }
}
