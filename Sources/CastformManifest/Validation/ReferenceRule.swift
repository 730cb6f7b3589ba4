import CastformCore

/// Every `${...}` names something that exists: a declared variable, a declared resource and an
/// attribute its type has. Unset environment variables are warnings here (CI may validate
/// without secrets); plan and apply need them.
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
                    diagnostics.append(.warning("environment variable \(name) is not set; plan and apply will need it", at: location))
                }
            case .variable(let name):
                let variables = context.workspace.config.variables.keys
                if !variables.contains(name) {
                    diagnostics.append(.error("undeclared variable \"\(name)\": declare it under variables: in castform.yaml" + Suggestion.didYouMean(name, in: variables), at: location))
                }
            case .resource(let address, let path):
                if let message = Self.problem(address, path, declared: declared, registry: context.registry) {
                    diagnostics.append(.error(message, at: location))
                }
            }
        }
        return diagnostics
    }

    static func problem(_ address: ResourceAddress, _ path: [PathStep], declared: Set<ResourceAddress>, registry: SchemaRegistry) -> String? {
        guard let schema = registry.schema(address.mode, address.type) else {
            let known = address.mode == .managed ? registry.managed.keys : registry.data.keys
            return "reference to unknown type \"\(address.type)\"" + Suggestion.didYouMean(address.type, in: known)
        }
        guard declared.contains(address) else {
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
