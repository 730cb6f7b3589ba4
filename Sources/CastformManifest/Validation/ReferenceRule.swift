import CastformCore

/// Every `${...}` names something that exists: a declared variable, a declared resource and an
/// attribute its type has. An unset environment variable is a warning at validate (CI may
/// validate without secrets) and an error at plan and apply, which would send nothing for it. Variables are not judged when castform.yaml
/// could not be read to its end, nor resources when a manifest could not: their declarations
/// may be in the part that failed.
struct ReferenceRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        let declared = Set(context.workspace.resources.map(\.address))
        var diagnostics: [Diagnostic] = []
        var references = context.workspace.resources.flatMap(\.body.references)
        if let url = context.workspace.config.state.url { references += url.references }
        for settings in context.workspace.config.providers.values { references += settings.references }
        for (reference, location) in references {
            switch reference {
            case .environment(let name):
                if context.environment[name] == nil {
                    diagnostics.append(context.environmentIsRequired
                        ? .error("environment variable \(name) is not set: castform needs its value to plan and apply; set it (in CI, from a secret)", at: location)
                        : .warning("environment variable \(name) is not set; plan and apply will need it", at: location))
                }
            case .variable(let name):
                let config = context.workspace.config
                let variables = config.variables.keys
                if config.variablesAreKnown, !variables.contains(name) {
                    diagnostics.append(.error("undeclared variable \"\(name)\": declare it under variables: in \(config.fileName)" + Suggestion.didYouMean(name, in: variables), at: location))
                }
            case .resource(let address, let path):
                if let message = Self.problem(address, path, declared: declared, registry: context.registry,
                                              declarationsAreKnown: context.workspace.declarationsAreKnown) {
                    diagnostics.append(.error(message, at: location))
                }
            }
        }
        return diagnostics
    }

    static func problem(_ address: ResourceAddress, _ path: [PathStep], declared: Set<ResourceAddress>, registry: SchemaRegistry,
                        declarationsAreKnown: Bool = true) -> String? {
        guard let schema = registry.schema(address.mode, address.type) else {
            // The type exists on the other side of `data.`: say how to write the reference.
            let steps = path.map(\.description).joined()
            let other = ResourceAddress(address.mode == .managed ? .data : .managed, type: address.type, name: address.name)
            if registry.schema(other.mode, other.type) != nil {
                return other.mode == .data
                    ? "\(address.type) is a data source: refer to it as \(other)\(steps)"
                    : "\(address.type) is a resource, not a data source: refer to it as \(other)\(steps)"
            }
            let known = address.mode == .managed ? registry.managed.keys : registry.data.keys
            return "reference to unknown type \"\(address.type)\"" + Suggestion.didYouMean(address.type, in: known)
        }
        guard declared.contains(address) else {
            guard declarationsAreKnown else { return nil }
            let names = declared.filter { $0.mode == address.mode && $0.type == address.type }.map(\.name)
            return "reference to \(address), which is not declared" + Suggestion.didYouMean(address.name, in: names)
        }
        guard case .attribute(let name)? = path.first, let attribute = schema.body.attribute(named: name) else {
            let first = path.first.map { "\($0)".trimmingPrefix(".") } ?? ""
            return "\(address.type) has no attribute \"\(first)\"" + Suggestion.didYouMean(first, in: schema.body.attributes.map(\.name))
        }
        return stepProblem(Array(path.dropFirst()), type: attribute.type, context: "\(address).\(name)")
    }

    /// Checks `[i]` and `.key` steps after the attribute against its type, where it is known.
    static func stepProblem(_ steps: [PathStep], type: ValueType, context: String) -> String? {
        guard let step = steps.first else { return nil }
        switch (type, step) {
        case (.list(let element), .index(let index)):
            return stepProblem(Array(steps.dropFirst()), type: element, context: "\(context)[\(index)]")
        case (.object(let schema), .attribute(let key)):
            guard let attribute = schema.attribute(named: key) else {
                return "\(context) has no attribute \"\(key)\"" + Suggestion.didYouMean(key, in: schema.attributes.map(\.name))
            }
            return stepProblem(Array(steps.dropFirst()), type: attribute.type, context: "\(context).\(key)")
        case (.map(let element), .attribute(let key)):
            return stepProblem(Array(steps.dropFirst()), type: element, context: "\(context).\(key)")
        case (.any, _), (.oneOf, _):
            return nil
        case (.list, .attribute(let key)):
            return "\(context) is a list: index it, as \(context)[0].\(key)"
        case (_, .index):
            return "\(context) is not a list and cannot be indexed"
        default:
            return "\(context) has no attribute \(step.description.trimmingPrefix("."))"
        }
    }
}

extension String {
    func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
