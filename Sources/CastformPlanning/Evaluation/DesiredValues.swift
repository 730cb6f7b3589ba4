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
    public func of(_ declaration: ResourceDeclaration, schema: ResourceTypeSchema, each: EachInstance? = nil,
                   lookup: @escaping @Sendable (ResourceAddress) -> [String: Value]?) -> [String: Value] {
        var evaluator = Evaluator(environment: environment, variables: variables) { reference, path in
            Self.lookup(lookup(reference), path)
        }
        evaluator.each = each
        return Self.markingSecrets(Self.withDefaults(Self.fields(evaluator.evaluate(declaration.body)), schema: schema),
                                   schema: schema)
    }

    /// The instances of a declaration with `for_each`, its collection evaluated against what
    /// `lookup` knows; nil for a declaration without one.
    public func instances(of declaration: ResourceDeclaration,
                          lookup: @escaping @Sendable (ResourceAddress) -> [String: Value]?) -> Result<[EachInstance], ForEachProblem>? {
        guard let forEach = declaration.forEach else { return nil }
        let evaluator = Evaluator(environment: environment, variables: variables) { reference, path in
            Self.lookup(lookup(reference), path)
        }
        return forEach.instances(of: evaluator.evaluate(forEach.collection))
    }

    /// The values with every part the schema calls sensitive marked `.sensitive`, at any depth,
    /// however it was written: a literal stream URL or a `${var.x}` shared secret is as secret
    /// as one from `${env.X}`, so the plan, the plan file and state hold only its keyed hash.
    public static func markingSecrets(_ values: [String: Value], schema: ResourceTypeSchema) -> [String: Value] {
        guard case .object(let marked) = Value.object(values).markingSensitive(as: .object(schema.body)) else { return values }
        return marked
    }

    /// The values of `address`, one object of `declaration` (itself, or one of its instances);
    /// nil when the declaration has no such instance (any more).
    public func of(_ address: ResourceAddress, declaration: ResourceDeclaration, schema: ResourceTypeSchema,
                   lookup: @escaping @Sendable (ResourceAddress) -> [String: Value]?) -> [String: Value]? {
        guard let key = address.key else { return declaration.forEach == nil ? of(declaration, schema: schema, lookup: lookup) : nil }
        guard case .success(let instances)? = instances(of: declaration, lookup: lookup),
              let each = instances.first(where: { $0.key == key }) else { return nil }
        return of(declaration, schema: schema, each: each, lookup: lookup)
    }

    /// The values with each attribute the manifest leaves out that has a default set to it.
    public static func withDefaults(_ values: [String: Value], schema: ResourceTypeSchema) -> [String: Value] {
        var values = values
        for (name, value) in schema.body.defaults where values[name] == nil {
            values[name] = value
        }
        return values
    }

    public static func fields(_ value: Value) -> [String: Value] {
        if case .object(let fields) = value { return fields }
        return [:]
    }

    /// The value at `path` in a resource's known attributes; unknown when not known (yet).
    public static func lookup(_ attributes: [String: Value]?, _ path: [PathStep]) -> Value {
        guard let attributes, case .attribute(let name)? = path.first, let value = attributes[name] else { return .unknown }
        return value.value(at: path.dropFirst())
    }
}
