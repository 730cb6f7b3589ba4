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
            diagnostics += check.check(value, as: attribute.type, subject: "\"\(attribute.name)\"", attribute: attribute)
        })
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
    func check(_ value: ConfigValue, as type: ValueType, subject: String, attribute: Attribute) -> [Diagnostic] {
        switch (type, value.kind) {
        case (_, .template(let template)):
            return check(template, at: value.location, as: type, subject: subject, attribute: attribute)
        case (.list(let element), .list(let items)):
            return items.flatMap { check($0, as: element, subject: "each item of \"\(attribute.name)\"", attribute: attribute) }
        case (.map(let element), .object(let fields)):
            return fields.flatMap { check($0.value, as: element, subject: "\"\($0.name)\"", attribute: attribute) }
        case (.oneOf(let types), _):
            guard let match = types.first(where: { SchemaWalk.matches(value, $0) }) else { return [] }
            return check(value, as: match, subject: subject, attribute: attribute)
        default:
            return []
        }
    }

    private func check(_ template: Template, at location: SourceLocation, as type: ValueType, subject: String,
                       attribute: Attribute) -> [Diagnostic] {
        if let reference = template.soleReference {
            return whole(reference, at: location, as: type, subject: subject, attribute: attribute)
        }
        var diagnostics = template.references.compactMap { notText($0.reference, at: $0.location) }
        if !TypeConformance.conforms(.string(""), to: type) {
            diagnostics.append(.error("\(subject) must be \(type.phrase), but \"\(Self.written(template))\" is text: ${...} inside other text makes a string", at: location))
        } else if diagnostics.isEmpty, template.isKnownAtValidation {
            diagnostics += constraints(evaluator.evaluate(template), at: location, attribute: attribute,
                                       origin: "\"\(Self.written(template))\"")
        }
        return diagnostics
    }

    /// A value substituted whole, keeping its type.
    private func whole(_ reference: Reference, at location: SourceLocation, as type: ValueType, subject: String,
                       attribute: Attribute) -> [Diagnostic] {
        switch reference {
        case .variable(let name):
            guard context.workspace.config.variables[name] != nil else { return [] }
            let value = evaluator.evaluate(reference)
            guard TypeConformance.conforms(value, to: type) else {
                let hint = TypeConformance.conforms(.string(""), to: type) && TypeConformance.isScalar(value)
                    ? "; quote its value in \(context.workspace.config.fileName) to make it text" : ""
                return [.error("\(subject) must be \(type.phrase), but ${\(reference)} is \(value.kindPhrase)\(hint)", at: location)]
            }
            return constraints(value, at: location, attribute: attribute, origin: "${\(reference)}")
        case .environment:
            guard !TypeConformance.conforms(.string(""), to: type) else { return [] }
            return [.error("\(subject) must be \(type.phrase), but ${\(reference)} is a string: environment values always are", at: location)]
        case .resource(let address, let path):
            guard let source = Self.type(of: address, path, registry: context.registry),
                  !TypeConformance.accepts(type, source) else { return [] }
            return [.error("\(subject) must be \(type.phrase), but ${\(reference)} is \(source.phrase)", at: location)]
        }
    }

    /// A list or mapping written into text would vanish from it (it has no text).
    private func notText(_ reference: Reference, at location: SourceLocation) -> Diagnostic? {
        let phrase: String
        switch reference {
        case .variable(let name):
            guard let declared = context.workspace.config.variables[name] else { return nil }
            switch evaluator.evaluate(declared).unmarked {
            case .list: phrase = "a list"
            case .object: phrase = "a mapping"
            default: return nil
            }
        case .resource(let address, let path):
            guard let type = Self.type(of: address, path, registry: context.registry), !TypeConformance.isText(type) else { return nil }
            phrase = type.phrase
        case .environment:
            return nil
        }
        return .error("${\(reference)} is \(phrase), which cannot be written into text", at: location)
    }

    /// The attribute's constraints (and those of the attributes inside it) on a value known now,
    /// each message saying where the value came from.
    private func constraints(_ value: Value, at location: SourceLocation, attribute: Attribute, origin: String) -> [Diagnostic] {
        guard let written = ConfigValue(value, at: location) else { return [] }
        var found = attribute.constraints.flatMap { ConstraintCheck.check($0, value: written, attribute: attribute, context: context) }
        SchemaWalk(attribute: { inner, innerAttribute in
            found += innerAttribute.constraints.flatMap { ConstraintCheck.check($0, value: inner, attribute: innerAttribute, context: context) }
        }).walk(written, type: attribute.type)
        return found.map { Diagnostic($0.severity, "\($0.message) (from \(origin))", at: $0.location) }
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
