import Foundation

/// Validates a body against a `LivepeerSchema` as the server's Ajv does (default options: no
/// `allErrors`, no defaults applied, no coercion).
///
/// Ajv stops at the first failing keyword, so a body gets one error, except under `oneOf`,
/// which keeps the errors of every failed branch and then adds its own. Keywords run in Ajv's
/// order: `type`; then `enum` and `oneOf`; then the number keywords (`maximum`, `minimum`), the
/// string keywords (`maxLength`, `minLength`, `pattern`, `format`), the array keywords
/// (`items`) and the object keywords (`required`, `additionalProperties`, `properties`).
enum LivepeerSchemaValidator {
    /// The errors the server would report; empty when the value is valid.
    static func errors(in value: LivepeerJSON, against schema: LivepeerSchema) -> [LivepeerAjvError] {
        var errors: [LivepeerAjvError] = []
        _ = validate(value, schema, instancePath: "", schemaPath: "#", errors: &errors)
        return errors
    }

    private static func validate(_ value: LivepeerJSON, _ schema: LivepeerSchema, instancePath: String,
                                 schemaPath: String, errors: inout [LivepeerAjvError]) -> Bool {
        func fail(_ keyword: String, _ params: LivepeerJSON, _ message: String, at path: String? = nil) -> Bool {
            errors.append(.init(instancePath: instancePath, schemaPath: path ?? "\(schemaPath)/\(keyword)",
                                keyword: keyword, params: params, message: message))
            return false
        }

        if !schema.types.isEmpty, !schema.types.contains(where: { matches(value, type: $0) }) {
            let params: LivepeerJSON = schema.types.count == 1 ? .string(schema.types[0]) : LivepeerJSON(schema.types)
            return fail("type", .fields(["type": params]), "must be \(schema.types.joined(separator: ","))")
        }

        if let allowed = schema.enumValues, !allowed.contains(value) {
            return fail("enum", .fields(["allowedValues": .array(allowed)]), "must be equal to one of the allowed values")
        }
        if let branches = schema.oneOf, !validateOneOf(value, branches, instancePath: instancePath,
                                                       schemaPath: schemaPath, errors: &errors) {
            return false
        }

        switch value {
        case .number(let number):
            if let failure = numberFailure(number, schema) { return fail(failure.keyword, failure.params, failure.message) }
        case .string(let string):
            if let failure = stringFailure(string, schema) { return fail(failure.keyword, failure.params, failure.message) }
        case .array(let elements):
            if let items = schema.items {
                for (index, element) in elements.enumerated() {
                    if !validate(element, items, instancePath: "\(instancePath)/\(index)",
                                 schemaPath: "\(schemaPath)/items", errors: &errors) {
                        return false
                    }
                }
            }
        case .object(let members):
            return validateObject(members, schema, instancePath: instancePath, schemaPath: schemaPath, errors: &errors)
        case .null, .bool:
            break
        }
        return true
    }

    /// A keyword that failed on a scalar, with Ajv's params and message.
    private struct ScalarFailure {
        var keyword: String
        var params: LivepeerJSON
        var message: String
    }

    /// The number keywords, in Ajv's order: `maximum`, `minimum`.
    private static func numberFailure(_ number: Double, _ schema: LivepeerSchema) -> ScalarFailure? {
        if let maximum = schema.maximum, number > maximum {
            return .init(keyword: "maximum", params: .fields(["comparison": "<=", "limit": .number(maximum)]),
                         message: "must be <= \(LivepeerJSONWriter.format(maximum))")
        }
        if let minimum = schema.minimum, number < minimum {
            return .init(keyword: "minimum", params: .fields(["comparison": ">=", "limit": .number(minimum)]),
                         message: "must be >= \(LivepeerJSONWriter.format(minimum))")
        }
        return nil
    }

    /// The string keywords, in Ajv's order: `maxLength`, `minLength`, `pattern`, `format`.
    private static func stringFailure(_ string: String, _ schema: LivepeerSchema) -> ScalarFailure? {
        // Ajv counts code points, not UTF-16 units.
        let length = string.unicodeScalars.count
        if let maxLength = schema.maxLength, length > maxLength {
            return .init(keyword: "maxLength", params: .fields(["limit": LivepeerJSON(maxLength)]),
                         message: "must NOT have more than \(maxLength) characters")
        }
        if let minLength = schema.minLength, length < minLength {
            return .init(keyword: "minLength", params: .fields(["limit": LivepeerJSON(minLength)]),
                         message: "must NOT have fewer than \(minLength) characters")
        }
        if let pattern = schema.pattern, string.range(of: pattern, options: .regularExpression) == nil {
            return .init(keyword: "pattern", params: .fields(["pattern": .string(pattern)]), message: "must match pattern \"\(pattern)\"")
        }
        if let format = schema.format, !LivepeerURIFormat.matches(string, format: format) {
            return .init(keyword: "format", params: .fields(["format": .string(format)]), message: "must match format \"\(format)\"")
        }
        return nil
    }

    private static func validateObject(_ members: [LivepeerJSON.Member], _ schema: LivepeerSchema, instancePath: String,
                                       schemaPath: String, errors: inout [LivepeerAjvError]) -> Bool {
        for name in schema.required where !members.contains(where: { $0.key == name }) {
            errors.append(.init(instancePath: instancePath, schemaPath: "\(schemaPath)/required", keyword: "required",
                                params: .fields(["missingProperty": .string(name)]),
                                message: "must have required property '\(name)'"))
            return false
        }
        for member in members where !schema.properties.contains(where: { $0.name == member.key }) {
            switch schema.additional {
            case .allowed:
                continue
            case .forbidden:
                errors.append(.init(instancePath: instancePath, schemaPath: "\(schemaPath)/additionalProperties",
                                    keyword: "additionalProperties",
                                    params: .fields(["additionalProperty": .string(member.key)]),
                                    message: "must NOT have additional properties"))
                return false
            case .schema(let values):
                if !validate(member.value, values, instancePath: "\(instancePath)/\(pointerEscaped(member.key))",
                             schemaPath: "\(schemaPath)/additionalProperties", errors: &errors) {
                    return false
                }
            }
        }
        for property in schema.properties {
            guard let member = members.first(where: { $0.key == property.name }) else { continue }
            if !validate(member.value, property.schema, instancePath: "\(instancePath)/\(pointerEscaped(property.name))",
                         schemaPath: "\(schemaPath)/properties/\(property.name)", errors: &errors) {
                return false
            }
        }
        return true
    }

    /// Exactly one branch must pass. On failure Ajv keeps the failed branches' errors and adds
    /// its own, with the indexes of the passing branches (or null when none passed).
    private static func validateOneOf(_ value: LivepeerJSON, _ branches: [LivepeerSchema], instancePath: String,
                                      schemaPath: String, errors: inout [LivepeerAjvError]) -> Bool {
        var passing: [Int] = []
        var branchErrors: [LivepeerAjvError] = []
        for (index, branch) in branches.enumerated() {
            var found: [LivepeerAjvError] = []
            if validate(value, branch, instancePath: instancePath, schemaPath: "\(schemaPath)/oneOf/\(index)", errors: &found) {
                passing.append(index)
            } else {
                branchErrors += found
            }
        }
        if passing.count == 1 { return true }
        errors += branchErrors
        let passingParam: LivepeerJSON = passing.isEmpty ? .null : .array(passing.map { LivepeerJSON($0) })
        errors.append(.init(instancePath: instancePath, schemaPath: "\(schemaPath)/oneOf", keyword: "oneOf",
                            params: .fields(["passingSchemas": passingParam]),
                            message: "must match exactly one schema in oneOf"))
        return false
    }

    private static func matches(_ value: LivepeerJSON, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object),
             ("number", .number):
            return true
        case ("integer", .number(let number)):
            return number.isFinite && number == number.rounded()
        default:
            return false
        }
    }

    /// JSON Pointer escaping, as Ajv writes `instancePath`.
    private static func pointerEscaped(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
