import CastformCore
import CastformManifest

/// What a plan was made from, as `terraform show -json` reports it in `configuration` and
/// `variables`: each declaration's attributes as written — a constant, or the references it
/// makes — and each variable's value. Policy tools read it to check how a value was set (from
/// a variable, from another resource) rather than only what it came to.
///
/// Kept in the plan, so a saved plan shows it too. Secrets never enter it: an attribute the
/// schema marks sensitive, or one holding a sensitive attribute, has no `constant_value`, and
/// a variable whose value is a secret (`${env.X}`) is recorded without it.
public struct PlanConfiguration: Codable, Sendable, Equatable {
    public var providerConfig: [String: ProviderConfig]
    public var rootModule: Module
    public var variables: [String: Variable]

    public struct ProviderConfig: Codable, Sendable, Equatable {
        public var name: String
    }

    public struct Module: Codable, Sendable, Equatable {
        public var resources: [Resource]

        public init(resources: [Resource]) {
            self.resources = resources
        }
    }

    public struct Resource: Codable, Sendable, Equatable {
        public var address: String
        public var mode: String
        public var type: String
        public var name: String
        public var providerConfigKey: String
        public var expressions: [String: Expression]
        public var schemaVersion: Int
        public var dependsOn: [String]?

        enum CodingKeys: String, CodingKey {
            case address, mode, type, name, expressions
            case providerConfigKey = "provider_config_key"
            case schemaVersion = "schema_version"
            case dependsOn = "depends_on"
        }
    }

    /// One attribute as written: either a constant or the references it makes (Terraform
    /// lists each reference and, for another resource's attribute, that resource too).
    public struct Expression: Codable, Sendable, Equatable {
        public var constantValue: Value?
        public var references: [String]?
        /// castform's addition: the value is a secret, so it is not shown.
        public var sensitive: Bool?

        enum CodingKeys: String, CodingKey {
            case references, sensitive
            case constantValue = "constant_value"
        }
    }

    /// A variable's value; a secret one is only marked sensitive.
    public struct Variable: Codable, Sendable, Equatable {
        public var value: Value?
        public var sensitive: Bool?
    }

    enum CodingKeys: String, CodingKey {
        case variables
        case providerConfig = "provider_config"
        case rootModule = "root_module"
    }

    public init(providerConfig: [String: ProviderConfig] = [:], rootModule: Module = Module(resources: []),
                variables: [String: Variable] = [:]) {
        self.providerConfig = providerConfig
        self.rootModule = rootModule
        self.variables = variables
    }

    /// The configuration of `workspace`, with variables evaluated as the plan evaluated them.
    public init(_ workspace: Workspace, registry: SchemaRegistry, environment: [String: String]) {
        let resources = workspace.resources.map { declaration in
            Self.resource(declaration, schema: registry.schema(declaration.address.mode, declaration.address.type))
        }
        var providers: [String: ProviderConfig] = [:]
        for resource in resources { providers[resource.providerConfigKey] = ProviderConfig(name: resource.providerConfigKey) }
        let evaluator = Evaluator(environment: environment, variables: workspace.config.variables)
        let secret = Self.variablesInSecrets(workspace, registry: registry)
        var variables: [String: Variable] = [:]
        for (name, written) in workspace.config.variables {
            let value = evaluator.evaluate(written)
            let sensitive = value.containsSensitive || secret.contains(name)
            variables[name] = sensitive ? Variable(value: nil, sensitive: true) : Variable(value: value, sensitive: nil)
        }
        self.init(providerConfig: providers, rootModule: Module(resources: resources), variables: variables)
    }

    /// The variables some declaration puts into a sensitive attribute: their values are
    /// secrets too, though castform.yaml writes them in the open.
    static func variablesInSecrets(_ workspace: Workspace, registry: SchemaRegistry) -> Set<String> {
        var names = Set<String>()
        for declaration in workspace.resources {
            guard let schema = registry.schema(declaration.address.mode, declaration.address.type) else { continue }
            for reference in SecretWalk.referencesInSecrets(declaration.body, as: .object(schema.body)) {
                if case .variable(let name) = reference { names.insert(name) }
            }
        }
        return names
    }

    static func resource(_ declaration: ResourceDeclaration, schema: ResourceTypeSchema?) -> Resource {
        var expressions: [String: Expression] = [:]
        for field in declaration.body.fields {
            if case .null = field.value.kind { continue }
            expressions[field.name] = expression(field.value, attribute: schema?.attribute(field.name))
        }
        let address = declaration.address
        return Resource(address: address.description, mode: address.mode.rawValue, type: address.type, name: address.name,
                        providerConfigKey: schema?.provider ?? String(address.type.prefix { $0 != "_" }),
                        expressions: expressions, schemaVersion: 0,
                        dependsOn: declaration.dependsOn.isEmpty ? nil : declaration.dependsOn.map(\.address.description))
    }

    static func expression(_ value: ConfigValue, attribute: Attribute?) -> Expression {
        let references = value.references.map(\.reference)
        if !references.isEmpty {
            return Expression(constantValue: nil, references: names(references), sensitive: nil)
        }
        if let attribute, attribute.sensitive || SecretWalk.holdsSecret(value, as: attribute.type) {
            return Expression(constantValue: nil, references: nil, sensitive: true)
        }
        return Expression(constantValue: Evaluator(environment: [:], variables: [:]).evaluate(value), references: nil, sensitive: nil)
    }

    /// Each reference as written, then the resource it reads from, without repeats.
    static func names(_ references: [Reference]) -> [String] {
        var names: [String] = []
        for reference in references {
            var candidates = [reference.description]
            if case .resource(let address, let path) = reference, !path.isEmpty { candidates.append(address.description) }
            for candidate in candidates where !names.contains(candidate) { names.append(candidate) }
        }
        return names
    }
}
