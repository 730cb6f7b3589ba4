import CastformCore

/// Every `${...}` names something that exists: a declared variable, a declared resource and an
/// attribute its type has. An unset environment variable is a warning at validate (CI may
/// validate without secrets) and an error at plan and apply, which would send nothing for it. Variables are not judged when castform.yaml
/// could not be read to its end, nor resources when a manifest could not: their declarations
/// may be in the part that failed.
struct ReferenceRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var references = context.workspace.resources.flatMap { $0.body.references + ($0.forEach?.collection.references ?? []) }
        if let url = context.workspace.config.state.url { references += url.references }
        for settings in context.workspace.config.providers.values { references += settings.references }
        guard !references.isEmpty else { return [] }
        // The workspace's index of its declarations (made for planning too), not a set of its own.
        let declared = context.workspace.declarationsByAddress
        for (reference, location) in references {
            switch reference {
            case .environment(let name):
                if context.environment[name] == nil {
                    diagnostics.append(.manifest(.reference(.environmentNotSet(name, required: context.environmentIsRequired)), at: location))
                }
            case .variable(let name):
                let config = context.workspace.config
                let variables = config.variables.keys
                if config.variablesAreKnown, !variables.contains(name) {
                    let problem = ReferenceProblem.undeclaredVariable(name, settingsFile: config.fileName,
                                                                      suggestion: Suggestion.closest(to: name, in: variables))
                    diagnostics.append(.manifest(.reference(problem), at: location))
                }
            case .each:
                continue
            case .resource(let address, let path):
                if let problem = Self.problem(address.declaration, path, declared: declared, registry: context.registry,
                                              declarationsAreKnown: context.workspace.declarationsAreKnown) {
                    diagnostics.append(.manifest(.reference(problem), at: location))
                }
            }
        }
        return diagnostics
    }

    static func problem(_ address: ResourceAddress, _ path: [PathStep], declared: [ResourceAddress: ResourceDeclaration], registry: SchemaRegistry,
                        declarationsAreKnown: Bool = true) -> ReferenceProblem? {
        guard let schema = registry.schema(address.mode, address.type) else {
            // The type exists on the other side of `data.`: say how to write the reference.
            if registry.schema(address.mode == .managed ? .data : .managed, address.type) != nil {
                return .wrongMode(address, path: path)
            }
            let known = address.mode == .managed ? registry.managed.keys : registry.data.keys
            return .unknownType(address.type, suggestion: Suggestion.closest(to: address.type, in: known))
        }
        guard declared[address] != nil else {
            guard declarationsAreKnown else { return nil }
            let names = declared.keys.filter { $0.mode == address.mode && $0.type == address.type }.map(\.name)
            return .undeclared(address, suggestion: Suggestion.closest(to: address.name, in: names))
        }
        guard case .attribute(let name)? = path.first, let attribute = schema.body.attribute(named: name) else {
            let first = path.first.map { "\($0)".trimmingPrefix(".") } ?? ""
            return .noAttribute(type: address.type, attribute: first,
                                suggestion: Suggestion.closest(to: first, in: schema.body.attributes.map(\.name)))
        }
        return stepProblem(path, from: 1, type: attribute.type, address: address)
    }

    /// Checks the `[i]` and `.key` steps of `path` from `index` on against the type they step
    /// into, where it is known; a problem names the path up to the step.
    static func stepProblem(_ path: [PathStep], from index: Int, type: ValueType, address: ResourceAddress) -> ReferenceProblem? {
        guard index < path.count else { return nil }
        let before = Array(path[..<index])
        switch (type, path[index]) {
        case (.list(let element), .index), (.map(let element), .attribute):
            return stepProblem(path, from: index + 1, type: element, address: address)
        case (.object(let schema), .attribute(let key)):
            guard let attribute = schema.attribute(named: key) else {
                return .noNestedAttribute(at: address, path: before, key: key,
                                          suggestion: Suggestion.closest(to: key, in: schema.attributes.map(\.name)))
            }
            return stepProblem(path, from: index + 1, type: attribute.type, address: address)
        case (.any, _), (.oneOf, _):
            return nil
        case (.list, .attribute(let key)):
            return .listNeedsIndex(at: address, path: before, key: key)
        case (_, .index):
            return .notAList(at: address, path: before)
        case (_, .attribute(let key)):
            return .notAnObject(at: address, path: before, key: key)
        }
    }
}

extension String {
    func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
