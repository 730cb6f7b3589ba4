import CastformCore

/// Checks each attribute's constraints (ranges, lengths, enums, files, ...) in every resource
/// and in castform.yaml's settings.
struct AttributeConstraintRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let walk = SchemaWalk(attribute: { value, attribute in
            for constraint in attribute.constraints {
                // Nearly every check finds nothing: no list mapped and appended for it.
                let findings = ConstraintCheck.check(constraint, value: value, attribute: attribute, context: context)
                if !findings.isEmpty { diagnostics += findings.map(\.diagnostic) }
            }
        })
        for (value, schema) in context.objects { walk.walk(value, schema) }
        return diagnostics
    }
}

/// One function per constraint kind, each in `Constraints/`.
enum ConstraintCheck {
    static func check(_ constraint: Constraint, value: ConfigValue, attribute: Attribute, context: ValidationContext) -> [Finding] {
        // A value with `${...}` is checked where it is known: one from variables by
        // `InterpolationRule`; a file named through the environment or another resource when
        // planning (`Planner.fileProblems`).
        if case .template = value.kind { return [] }
        let name = attribute.name
        switch constraint {
        case .maxItems, .uniqueItems, .reservedValues, .increasing:
            // Across a list's items: a list that lost an item would be counted and numbered wrong.
            if context.isIncomplete(value) { return [] }
        default:
            break
        }
        switch constraint {
        case .range(let min, let max):
            return range(value, name: name, min: min, max: max)
        case .length(let min, let max):
            return eachScalar(value) { length($0, name: name, isItem: value.isList, min: min, max: max) }
        case .maxItems(let limit):
            return maxItems(value, name: name, limit: limit)
        case .oneOf(let allowed):
            return eachScalar(value) { oneOf($0, name: name, allowed: allowed) }
        case .urlScheme(let schemes):
            return eachScalar(value) { urlScheme($0, name: name, schemes: schemes, sensitive: attribute.sensitive) }
        case .utcTimestamp:
            return utcTimestamp(value, name: name)
        case .file(let maxBytes):
            return file(value, name: name, maxBytes: maxBytes, context: context)
        case .uniqueItems(let key):
            return uniqueItems(value, name: name, key: key)
        case .reservedValues(let key, let values, let reason):
            return reservedValues(value, key: key, values: values, reason: reason)
        case .increasing(let key):
            return increasing(value, name: name, key: key)
        }
    }

    /// Constraints on a list of scalars apply to each item.
    static func eachScalar(_ value: ConfigValue, _ check: (ConfigValue) -> Finding?) -> [Finding] {
        if case .list(let items) = value.kind { return items.compactMap { item in item.hasTemplate ? nil : check(item) } }
        return check(value).map { [$0] } ?? []
    }
}

extension ConfigValue {
    var isList: Bool {
        if case .list = kind { return true }
        return false
    }
}
