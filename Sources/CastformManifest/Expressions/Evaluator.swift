import CastformCore

/// Evaluates manifest values: variables and environment values are substituted, references to
/// other resources come from `resolve` (unknown until they exist).
///
/// Values read from the environment are marked sensitive here, at the moment they are read, and
/// the mark spreads to every string that interpolates them.
public struct Evaluator: Sendable {
    public var environment: [String: String]
    public var variables: [String: ConfigValue]
    /// The value of another resource's attribute, or `.unknown` when not known yet.
    public var resolve: @Sendable (ResourceAddress, [PathStep]) -> Value
    /// The instance being evaluated, for `${each.key}` and `${each.value...}`: nil outside a
    /// `for_each` resource (validation reports `each` there).
    public var each: EachInstance?

    public init(
        environment: [String: String],
        variables: [String: ConfigValue],
        resolve: @escaping @Sendable (ResourceAddress, [PathStep]) -> Value = { _, _ in .unknown }
    ) {
        self.environment = environment
        self.variables = variables
        self.resolve = resolve
    }

    public func evaluate(_ value: ConfigValue) -> Value {
        switch value.kind {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .int(let int): return .int(int)
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .list(let items): return .list(items.map(evaluate))
        case .object(let fields):
            // Made at its size, with no list of pairs first (30,000 objects for 10,000 shows);
            // a name given twice keeps its last value.
            var object = [String: Value](minimumCapacity: fields.count)
            for field in fields { object[field.name] = evaluate(field.value) }
            return .object(object)
        case .template(let template): return evaluate(template)
        }
    }

    public func evaluate(_ template: Template) -> Value {
        if let reference = template.soleReference { return evaluate(reference) }
        var text = ""
        var sensitive = false
        for part in template.parts {
            switch part {
            case .literal(let literal):
                text += literal
            case .interpolation(let reference, _):
                let value = evaluate(reference)
                if value.containsUnknown { return value.containsSensitive ? .sensitive(.unknown) : .unknown }
                sensitive = sensitive || value.containsSensitive
                text += value.interpolationText ?? ""
            }
        }
        return sensitive ? .sensitive(.string(text)) : .string(text)
    }

    public func evaluate(_ reference: Reference) -> Value {
        switch reference {
        case .environment(let name):
            return environment[name].map { .sensitive(.string($0)) } ?? .sensitive(.unknown)
        case .variable(let name):
            return variables[name].map(evaluate) ?? .unknown
        case .resource(let address, let path):
            return resolve(address, path)
        case .each(let path):
            guard let each else { return .unknown }
            if case .attribute("key")? = path.first { return .string(each.key) }
            return each.value.value(at: path.dropFirst())
        }
    }
}

/// One instance of a `for_each` resource: its key, and the item of the collection it was made
/// for (a map's value, a list's string or object).
public struct EachInstance: Sendable, Hashable {
    public var key: String
    public var value: Value

    public init(key: String, value: Value) {
        self.key = key
        self.value = value
    }
}
