import CastformCore

/// JSON Schemas (draft 2020-12) of manifests and of castform.yaml, drawn from the same schemas
/// validation uses, so a YAML editor completes and checks what castform will accept
/// (`# yaml-language-server: $schema=...`).
///
/// A JSON Schema sees the file before castform evaluates it: wherever castform accepts a value,
/// it also accepts a `${...}` template (checked once evaluated), and what only validation can
/// know (files, references, rules across attributes) stays validation's.
public enum ManifestJSONSchema {
    static let dialect = "https://json-schema.org/draft/2020-12/schema"

    /// Manifests: resource types at the top, data sources under `data:`, each name mapping to
    /// an object of the type's settable attributes and the meta keys.
    public static func manifests(_ registry: SchemaRegistry) -> Value {
        var properties: [String: Value] = [:]
        var definitions: [String: Value] = ["template": template]
        for (name, schema) in registry.managed {
            definitions[name] = body(schema)
            properties[name] = .object(["type": .string("object"), "additionalProperties": ref(name)])
        }
        var data: [String: Value] = [:]
        for (name, schema) in registry.data {
            definitions["data." + name] = body(schema)
            data[name] = .object(["type": .string("object"), "additionalProperties": ref("data." + name)])
        }
        properties["data"] = .object(["type": .string("object"), "properties": .object(data), "additionalProperties": .bool(false)])
        properties["moved"] = moved
        let language: Value = .object(["type": .string("object"), "properties": .object(properties), "additionalProperties": .bool(false)])
        // A service's own file format declares one object of its type with the whole document.
        let formats = registry.managed.keys.sorted().filter { registry.managed[$0]?.documentFormat != nil }.map { ref($0) }
        return .object([
            "$schema": .string(dialect), "title": .string("castform manifest"),
            "anyOf": .list([language] + formats), "$defs": .object(definitions),
        ])
    }

    /// castform.yaml: state, providers (each provider's settings), variables, sandbox, files.
    public static func settings(_ registry: SchemaRegistry) -> Value {
        var providers: [String: Value] = [:]
        for (name, provider) in registry.providers { providers[name] = object(provider.config, extra: [:]) }
        return .object([
            "$schema": .string(dialect), "title": .string("castform.yaml"), "type": .string("object"), "additionalProperties": .bool(false),
            "$defs": .object(["template": template]),
            "properties": .object([
                "state": object(StateSchema.schema, extra: [:]),
                "providers": .object(["type": .string("object"), "properties": .object(providers), "additionalProperties": .bool(false)]),
                "variables": .object(["type": .string("object")]),
                "sandbox": typed(.bool, constraints: []),
                "files": object(FilesSchema.schema, extra: [:]),
            ]),
        ])
    }

    /// A `${...}` template: a string that castform evaluates before checking its type.
    static let template: Value = .object(["type": .string("string"), "pattern": .string("\\$\\{")])

    static func ref(_ name: String) -> Value {
        .object(["$ref": .string("#/$defs/" + name)])
    }

    /// A type's body as a manifest writes it: settable attributes plus the meta keys.
    static func body(_ schema: ResourceTypeSchema) -> Value {
        var meta: [String: Value] = [:]
        for key in ManifestDecoder.metaKeys { meta[key] = metaKey(key, schema: schema) }
        var body = object(ObjectSchema(schema.body.attributes.filter(\.isSettable), rules: schema.body.rules), extra: meta)
        if case .object(var fields) = body, !schema.summary.isEmpty {
            fields["description"] = .string(schema.summary)
            body = .object(fields)
        }
        return body
    }

    static func metaKey(_ key: String, schema: ResourceTypeSchema) -> Value {
        switch key {
        case "depends_on": .object(["type": .string("array"), "items": .object(["type": .string("string")])])
        case "lifecycle":
            object(ObjectSchema([Attribute("prevent_destroy", .bool), Attribute("create_before_destroy", .bool),
                                 Attribute("ignore_changes", .list(.string))]
                                + schema.lifecycleOptions), extra: [:])
        case "for_each_key": .object(["type": .string("string")])
        default: .object([:])
        }
    }

    static let moved: Value = .object([
        "type": .string("array"),
        "items": .object(["type": .string("object"), "required": .list([.string("from"), .string("to")]), "additionalProperties": .bool(false),
                          "properties": .object(["from": .object(["type": .string("string")]), "to": .object(["type": .string("string")])])]),
    ])
}
