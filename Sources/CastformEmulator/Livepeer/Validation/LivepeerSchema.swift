import Foundation

/// A JSON Schema node, with just the keywords the Livepeer payload schemas use.
///
/// The server compiles `api-schema.yaml` with Ajv; `LivepeerSchemaValidator` evaluates these
/// nodes in Ajv's keyword order, so a bad body fails on the same keyword with the same path.
/// `LivepeerSchemas` builds the payload schemas from these nodes by hand, from the spec.
final class LivepeerSchema: Sendable {
    struct Property: Sendable {
        let name: String
        let schema: LivepeerSchema
    }

    /// What the schema says about members that `properties` does not list.
    enum Additional: Sendable {
        case allowed
        case forbidden
        case schema(LivepeerSchema)
    }

    /// JSON types ("object", "integer", "null", ...); empty means any.
    let types: [String]
    let properties: [Property]
    let required: [String]
    let additional: Additional
    let items: LivepeerSchema?
    let minimum: Double?
    let maximum: Double?
    let minLength: Int?
    let maxLength: Int?
    let pattern: String?
    let format: String?
    let enumValues: [LivepeerJSON]?
    let oneOf: [LivepeerSchema]?

    init(types: [String] = [], properties: [Property] = [], required: [String] = [], additional: Additional = .allowed,
         items: LivepeerSchema? = nil, minimum: Double? = nil, maximum: Double? = nil, minLength: Int? = nil,
         maxLength: Int? = nil, pattern: String? = nil, format: String? = nil, enumValues: [LivepeerJSON]? = nil,
         oneOf: [LivepeerSchema]? = nil) {
        self.types = types
        self.properties = properties
        self.required = required
        self.additional = additional
        self.items = items
        self.minimum = minimum
        self.maximum = maximum
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.format = format
        self.enumValues = enumValues
        self.oneOf = oneOf
    }

    /// The schema of one listed property, for building a schema from another's parts (the
    /// spec's `$ref: "#/components/schemas/stream/properties/..."`).
    func property(_ name: String) -> LivepeerSchema {
        guard let found = properties.first(where: { $0.name == name }) else {
            preconditionFailure("schema has no property \(name)")
        }
        return found.schema
    }
}

// Builders that read like the YAML they transcribe.
extension LivepeerSchema {
    /// An object; every payload in the spec is `additionalProperties: false`.
    static func object(_ properties: KeyValuePairs<String, LivepeerSchema>, required: [String] = [],
                       additional: Additional = .forbidden, nullable: Bool = false) -> LivepeerSchema {
        LivepeerSchema(types: nullable ? ["object", "null"] : ["object"],
                       properties: properties.map { Property(name: $0.key, schema: $0.value) },
                       required: required, additional: additional)
    }

    static func string(minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, format: String? = nil,
                       enum values: [String]? = nil) -> LivepeerSchema {
        LivepeerSchema(types: ["string"], minLength: minLength, maxLength: maxLength, pattern: pattern, format: format,
                       enumValues: values?.map { .string($0) })
    }

    static func integer(minimum: Double? = nil, maximum: Double? = nil, enum values: [Int]? = nil) -> LivepeerSchema {
        LivepeerSchema(types: ["integer"], minimum: minimum, maximum: maximum, enumValues: values?.map { LivepeerJSON($0) })
    }

    static var number: LivepeerSchema { LivepeerSchema(types: ["number"]) }
    static var boolean: LivepeerSchema { LivepeerSchema(types: ["boolean"]) }

    /// A free-form value (`webhookContext`, the server-side `status` of a webhook).
    static var any: LivepeerSchema { LivepeerSchema() }

    static func array(of items: LivepeerSchema, nullable: Bool = false) -> LivepeerSchema {
        LivepeerSchema(types: nullable ? ["array", "null"] : ["array"], items: items)
    }

    static func oneOf(_ schemas: [LivepeerSchema]) -> LivepeerSchema {
        LivepeerSchema(oneOf: schemas)
    }

    /// A map whose values all follow `values` (`userTags`, `pull.headers`).
    static func map(of values: LivepeerSchema) -> LivepeerSchema {
        LivepeerSchema(types: ["object"], additional: .schema(values))
    }
}
