import CastformCore
import Foundation

/// One reference page in Markdown, drawn from a type's schema alone: every attribute with its
/// type, who sets it, whether it is secret or forces a replacement, its default and limits, and
/// the objects nested in it, each in a table of its own.
///
/// The pages in docs/reference are this function's output (`castform docs generate`), and a
/// test fails when a schema changes without its page: the reference cannot go stale.
public enum ReferencePage {
    public static func render(_ schema: ResourceTypeSchema) -> String {
        var page = "# \(schema.name)\n\n"
        page += "\(kind(schema)) of the `\(schema.provider)` provider. \(sentence(schema.summary))\n\n"
        page += usage(schema)
        if let example = schema.example { page += "## Example\n\n```yaml\n" + example + "\n```\n\n" }
        let (arguments, results) = (schema.body.attributes.filter(\.isSettable), schema.body.attributes.filter { !$0.isSettable })
        let fields = schema.serviceFields
        if !arguments.isEmpty { page += "## Arguments\n\n" + table(arguments, fields: fields, path: "") }
        if !results.isEmpty { page += "## Attributes set by the service\n\n" + table(results, fields: fields, path: "") }
        page += nested(schema.body, path: "", fields: fields)
        page += rules(schema.body, path: "")
        if schema.mode == .managed { page += lifecycle(schema) }
        return page.trimmingCharacters(in: .newlines)
            + "\n\n---\nGenerated from castform's schemas by `castform docs generate`; do not edit by hand.\n"
    }

    static func kind(_ schema: ResourceTypeSchema) -> String {
        schema.mode == .managed ? "A resource" : "A data source"
    }

    private static func sentence(_ text: String) -> String {
        guard let first = text.first else { return "" }
        let capitalised = first.uppercased() + text.dropFirst()
        return capitalised.hasSuffix(".") ? capitalised : capitalised + "."
    }

    private static func usage(_ schema: ResourceTypeSchema) -> String {
        let address = schema.mode == .managed ? "\(schema.name).NAME" : "data.\(schema.name).NAME"
        let section = schema.mode == .managed ? schema.name : "data: {\(schema.name): ...}"
        return "Declared under `\(section)` in a manifest; other declarations refer to its attributes as "
            + "`${\(address).ATTRIBUTE}`.\n\n"
    }

    /// One row per attribute; the description column only when some attribute has one, the
    /// service's field when the provider documents its names (`path` leads to the attributes).
    static func table(_ attributes: [Attribute], fields: ServiceFields? = nil, path: String = "") -> String {
        let described = attributes.contains { !$0.summary.isEmpty }
        var text = "| Attribute | Type | Set by | Default | Limits |" + (fields == nil ? "" : " Service field |") + (described ? " Description |" : "")
        text += "\n|---|---|---|---|---|" + (fields == nil ? "" : "---|") + (described ? "---|" : "") + "\n"
        for attribute in attributes {
            let setBy = ([ReferenceWords.presence(attribute.presence)] + ReferenceWords.flags(attribute)).joined(separator: ", ")
            var name = "`\(attribute.name)`"
            if !attribute.aliases.isEmpty { name += " (also " + attribute.aliases.map { "`\($0)`" }.joined(separator: ", ") + ")" }
            var cells = [name, ReferenceWords.type(attribute.type), setBy, attribute.defaultValue.map(ReferenceWords.value) ?? "",
                         ReferenceWords.limits(attribute.constraints).joined(separator: "; ")]
            if let fields { cells.append("`" + fields.field(path: path + attribute.name, name: attribute.name) + "`") }
            if described { cells.append(attribute.summary) }
            text += "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        }
        return text + "\n"
    }

    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// A section per object nested in the body, at any depth: `profiles[]`, `playback_policy`.
    private static func nested(_ object: ObjectSchema, path: String, fields: ServiceFields?) -> String {
        var text = ""
        for attribute in object.attributes {
            guard let (inner, suffix) = objectSchema(attribute.type) else { continue }
            let name = path + attribute.name + suffix
            text += "### `\(name)`\n\n"
            if let identity = attribute.identity {
                text += "Items are told apart by " + identity.map { "`\($0)`" }.joined(separator: " and ") + ".\n\n"
            }
            text += table(inner.attributes, fields: fields, path: name + ".") + rules(inner, path: name)
            text += nested(inner, path: name + ".", fields: fields)
        }
        return text
    }

    private static func objectSchema(_ type: ValueType) -> (ObjectSchema, String)? {
        switch type {
        case .object(let schema): (schema, "")
        case .list(.object(let schema)): (schema, "[]")
        case .map(.object(let schema)): (schema, ".KEY")
        case .oneOf(let types): types.lazy.compactMap(objectSchema).first
        default: nil
        }
    }

    private static func rules(_ object: ObjectSchema, path: String) -> String {
        let lines = object.rules.compactMap { rule -> String? in
            switch rule {
            case .exactlyOneOf(let keys): "- exactly one of " + keys.map { "`\($0)`" }.joined(separator: ", ") + " is set"
            case .oneShapeOf(_, let names): "- one of these shapes: " + names.joined(separator: "; ")
            case .custom(let rule): "- \(rule.name)"
            }
        }
        guard !lines.isEmpty else { return "" }
        return "Rules\(path.isEmpty ? "" : " for `\(path)`"):\n\n" + lines.joined(separator: "\n") + "\n\n"
    }

    private static func lifecycle(_ schema: ResourceTypeSchema) -> String {
        var text = "## Lifecycle\n\n"
        text += "`lifecycle: {prevent_destroy: true}` refuses plans that would remove or replace it; "
            + "`create_before_destroy: true` makes the replacement before removing the old object"
            + (schema.createsBeforeDestroying ? " (this type always does)" : "") + ".\n\n"
        text += "Removing it from the manifests: it will be \(schema.removal.description).\n\n"
        if !schema.lifecycleOptions.isEmpty {
            text += "Options of this type, under `lifecycle:`:\n\n" + table(schema.lifecycleOptions)
            for (choice, removal) in schema.removalChoices.sorted(by: { $0.key < $1.key }) {
                text += "- `\(schema.removalOption ?? "")`: `\(choice)` — removing it means it will be \(removal.description)\n"
            }
            if !schema.removalChoices.isEmpty { text += "\n" }
        }
        return text
    }
}
