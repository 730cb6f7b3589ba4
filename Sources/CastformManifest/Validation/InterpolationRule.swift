import CastformCore

/// Values written with `${...}`: what they substitute has the type the attribute takes, and
/// what validation can know (variables) obeys the attribute's constraints, as if written in
/// place.
///
/// A literal is decoded against its attribute's type; a substituted value is not decoded at
/// all, so `title: "${var.x}"` with `x` a mapping would be sent as the title — after the audio
/// was uploaded. Environment values are always strings; another resource's attribute has the
/// type its schema declares. Values not known at validation (an unset environment variable, a
/// variable castform.yaml could not be read for) pass here: other rules warn about them.
struct InterpolationRule: ValidationRule {
    func check(_ context: ValidationContext) -> [Diagnostic] {
        let check = InterpolationCheck(context: context)
        var diagnostics: [Diagnostic] = []
        let walk = SchemaWalk(attribute: { value, attribute in
            diagnostics += check.check(value, as: attribute.type, subject: .named(attribute.name), attribute: attribute)
        }, onlyTemplates: true)
        for (value, schema) in context.objects { walk.walk(value, schema) }
        return diagnostics
    }
}

/// The checks of `InterpolationRule`, for one workspace.
struct InterpolationCheck {
    let context: ValidationContext
    let evaluator: Evaluator

    init(context: ValidationContext) {
        self.context = context
        evaluator = Evaluator(environment: [:], variables: context.workspace.config.variables)
    }

    /// `value`, and the items of its lists and maps (objects inside are walked by `SchemaWalk`).
    func check(_ value: ConfigValue, as type: ValueType, subject: ManifestProblem.Subject, attribute: Attribute) -> [Diagnostic] {
        switch (type, value.kind) {
        case (_, .template(let template)):
            return check(template, at: value.location, as: type, subject: subject, attribute: attribute)
        case (.list(let element), .list(let items)):
            return items.flatMap { check($0, as: element, subject: .eachItem(of: attribute.name), attribute: attribute) }
        case (.map(let element), .object(let fields)):
            return fields.flatMap { check($0.value, as: element, subject: .named($0.name), attribute: attribute) }
        case (.oneOf(let types), _):
            guard let match = types.first(where: { SchemaWalk.matches(value, $0) }) else { return [] }
            return check(value, as: match, subject: subject, attribute: attribute)
        default:
            return []
        }
    }

    private func check(_ template: Template, at location: SourceLocation, as type: ValueType, subject: ManifestProblem.Subject,
                       attribute: Attribute) -> [Diagnostic] {
        if let reference = template.soleReference {
            return whole(reference, at: location, as: type, subject: subject, attribute: attribute)
        }
        var diagnostics = template.references.compactMap { reference in
            notText(reference.reference).map { Diagnostic.manifest(.interpolation($0), at: reference.location) }
        }
        if !TypeConformance.conforms(.string(""), to: type) {
            let problem = InterpolationProblem.textForNonText(subject, expected: ExpectedType(type), written: Self.written(template))
            diagnostics.append(.manifest(.interpolation(problem), at: location))
        } else if diagnostics.isEmpty, template.isKnownAtValidation {
            diagnostics += constraints(evaluator.evaluate(template), at: location, attribute: attribute,
                                       origin: .template(written: Self.written(template)))
        }
        return diagnostics
    }

    /// A value substituted whole, keeping its type.
    private func whole(_ reference: Reference, at location: SourceLocation, as type: ValueType, subject: ManifestProblem.Subject,
                       attribute: Attribute) -> [Diagnostic] {
        let expected = ExpectedType(type)
        switch reference {
        case .variable(let name):
            guard context.workspace.config.variables[name] != nil else { return [] }
            let value = evaluator.evaluate(reference)
            guard TypeConformance.conforms(value, to: type) else {
                let quoting = TypeConformance.conforms(.string(""), to: type) && TypeConformance.isScalar(value)
                let problem = InterpolationProblem.variableType(subject, expected: expected, reference: reference, found: ValueKind(value),
                                                                quoteIn: quoting ? context.workspace.config.fileName : nil)
                return [.manifest(.interpolation(problem), at: location)]
            }
            return constraints(value, at: location, attribute: attribute, origin: .reference(reference))
        case .environment:
            guard !TypeConformance.conforms(.string(""), to: type) else { return [] }
            return [.manifest(.interpolation(.environmentIsText(subject, expected: expected, reference: reference)), at: location)]
        case .each:
            return []
        case .resource(let address, let path):
            guard let source = Self.type(of: address, path, registry: context.registry),
                  !TypeConformance.accepts(type, source) else { return [] }
            let problem = InterpolationProblem.attributeType(subject, expected: expected, reference: reference, found: ExpectedType(source))
            return [.manifest(.interpolation(problem), at: location)]
        }
    }

    /// A list or mapping written into text would vanish from it (it has no text).
    private func notText(_ reference: Reference) -> InterpolationProblem? {
        switch reference {
        case .variable(let name):
            guard let declared = context.workspace.config.variables[name] else { return nil }
            let kind = ValueKind(evaluator.evaluate(declared).unmarked)
            return kind == .list || kind == .object ? .variableNotText(reference, found: kind) : nil
        case .resource(let address, let path):
            guard let type = Self.type(of: address, path, registry: context.registry), !TypeConformance.isText(type) else { return nil }
            return .attributeNotText(reference, type: ExpectedType(type))
        case .environment, .each:
            return nil
        }
    }

    /// The attribute's constraints (and those of the attributes inside it) on a value known now,
    /// each problem saying where the value came from.
    private func constraints(_ value: Value, at location: SourceLocation, attribute: Attribute,
                             origin: ManifestProblem.Substitution) -> [Diagnostic] {
        guard let written = ConfigValue(value, at: location) else { return [] }
        var found = attribute.constraints.flatMap { ConstraintCheck.check($0, value: written, attribute: attribute, context: context) }
        SchemaWalk(attribute: { inner, innerAttribute in
            found += innerAttribute.constraints.flatMap { ConstraintCheck.check($0, value: inner, attribute: innerAttribute, context: context) }
        }).walk(written, type: attribute.type)
        return found.map { .manifest(.substituted($0.problem, from: origin), at: $0.location) }
    }

    /// The declared type of `address`'s attribute at `path`, when the schema says.
    static func type(of address: ResourceAddress, _ path: [PathStep], registry: SchemaRegistry) -> ValueType? {
        guard case .attribute(let name)? = path.first,
              var type = registry.schema(address.mode, address.type)?.body.attribute(named: name)?.type else { return nil }
        for step in path.dropFirst() {
            switch (type, step) {
            case (.list(let element), .index), (.map(let element), .attribute): type = element
            case (.object(let schema), .attribute(let key)):
                guard let attribute = schema.attribute(named: key) else { return nil }
                type = attribute.type
            default: return nil
            }
        }
        return type
    }

    /// The template as written: its text with each `${...}` (never a value: a secret stays out).
    static func written(_ template: Template) -> String {
        template.parts.map { part in
            switch part {
            case .literal(let text): return text
            case .interpolation(let reference, _): return "${\(reference)}"
            }
        }.joined()
    }
}
