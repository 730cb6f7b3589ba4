import CastformCore
import CastformManifest

/// A declaration's values as the planner, the executor and the plan verifier all see them:
/// the manifest evaluated (environment, variables, and other resources' attributes through
/// `lookup`), then the schema's default for each attribute it leaves out, with secrets marked.
///
/// One unit for the three, so that a saved plan is checked against exactly what the planner
/// decided: a value the user never wrote cannot differ.
public struct DesiredValues: Sendable {
    public var environment: [String: String]
    public var variables: [String: ConfigValue]

    public init(environment: [String: String], variables: [String: ConfigValue]) {
        self.environment = environment
        self.variables = variables
    }

    /// The values of `declaration`; `lookup` gives another resource's attributes as known
    /// now (nil: not known yet, so `.unknown`).
    ///
    /// The evaluator, whose closure captures what `lookup` reads, is gone when this returns:
    /// the planner adds to what it knows after every resource, and a capture still alive then
    /// would copy the whole dictionary on each addition (O(N²) over a plan).
    public func of(_ declaration: ResourceDeclaration, schema: ResourceTypeSchema,
                   lookup: @escaping @Sendable (ResourceAddress) -> [String: Value]?) -> [String: Value] {
        let evaluator = Evaluator(environment: environment, variables: variables) { reference, path in
            Self.lookup(lookup(reference), path)
        }
        return Self.markingSecrets(Self.withDefaults(Self.fields(evaluator.evaluate(declaration.body)), schema: schema),
                                   schema: schema)
    }

    /// The values with every part the schema calls sensitive marked `.sensitive`, at any depth,
    /// however it was written: a literal stream URL or a `${var.x}` shared secret is as secret
    /// as one from `${env.X}`, so the plan, the plan file and state hold only its keyed hash.
    public static func markingSecrets(_ values: [String: Value], schema: ResourceTypeSchema) -> [String: Value] {
        guard case .object(let marked) = Value.object(values).markingSensitive(as: .object(schema.body)) else { return values }
        return marked
    }

    /// The values with each attribute the manifest leaves out that has a default set to it.
    public static func withDefaults(_ values: [String: Value], schema: ResourceTypeSchema) -> [String: Value] {
        var values = values
        for attribute in schema.body.attributes where values[attribute.name] == nil {
            if let value = attribute.defaultValue { values[attribute.name] = value }
        }
        return values
    }

    public static func fields(_ value: Value) -> [String: Value] {
        if case .object(let fields) = value { return fields }
        return [:]
    }

    /// The value at `path` in a resource's known attributes; unknown when not known (yet).
    public static func lookup(_ attributes: [String: Value]?, _ path: [PathStep]) -> Value {
        guard let attributes, case .attribute(let name)? = path.first, var value = attributes[name] else { return .unknown }
        for step in path.dropFirst() {
            var sensitive = false
            if case .sensitive(let inner) = value { value = inner; sensitive = true }
            switch (step, value) {
            case (.attribute(let key), .object(let fields)): value = fields[key] ?? .null
            case (.index(let index), .list(let items)): value = index < items.count ? items[index] : .null
            case (_, .unknown): return .unknown
            default: return .null
            }
            if sensitive { value = .sensitive(value) }
        }
        return value
    }
}
