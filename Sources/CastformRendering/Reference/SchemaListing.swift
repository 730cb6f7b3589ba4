import CastformCore

/// `castform schema`: the reference in the terminal, in the reference's words.
public enum SchemaListing {
    /// Every type, by provider, with its summary.
    public static func render(_ registry: SchemaRegistry) -> String {
        let schemas = Array(registry.managed.values) + Array(registry.data.values)
        var text = ""
        for provider in Set(schemas.map(\.provider)).sorted() {
            text += "\(provider):\n"
            let ordered = schemas.filter { $0.provider == provider }.sorted { ($0.mode.rawValue, $0.name) < ($1.mode.rawValue, $1.name) }
            let width = ordered.map { label($0).count }.max() ?? 0
            for schema in ordered {
                text += "  " + label(schema).paddedTo(width) + "  " + schema.summary + "\n"
            }
            text += "\n"
        }
        return text + "castform schema TYPE lists a type's attributes; docs/reference has a page for each.\n"
    }

    private static func label(_ schema: ResourceTypeSchema) -> String {
        schema.mode == .data ? "data.\(schema.name)" : schema.name
    }

    /// One type's attributes, nested ones indented under their parent.
    public static func render(_ schema: ResourceTypeSchema) -> String {
        var text = "\(label(schema)) (\(ReferencePage.kind(schema).lowercased()) of \(schema.provider)): \(schema.summary)\n\n"
        text += lines(schema.body, indent: "  ").joined(separator: "\n") + "\n"
        if !schema.lifecycleOptions.isEmpty {
            text += "\nlifecycle options:\n" + lines(ObjectSchema(schema.lifecycleOptions), indent: "  ").joined(separator: "\n") + "\n"
        }
        return text
    }

    private static func lines(_ object: ObjectSchema, indent: String) -> [String] {
        object.attributes.flatMap { attribute -> [String] in
            var facts = [ReferenceWords.type(attribute.type), ReferenceWords.presence(attribute.presence)] + ReferenceWords.flags(attribute)
            if let value = attribute.defaultValue { facts.append("default " + ReferenceWords.value(value).replacingOccurrences(of: "`", with: "")) }
            facts += ReferenceWords.limits(attribute.constraints).map { $0.replacingOccurrences(of: "`", with: "") }
            var line = indent + attribute.name + ": " + facts.joined(separator: ", ")
            if !attribute.summary.isEmpty { line += " — " + attribute.summary }
            return [line] + (nested(attribute.type).map { lines($0, indent: indent + "  ") } ?? [])
        }
    }

    private static func nested(_ type: ValueType) -> ObjectSchema? {
        switch type {
        case .object(let schema), .list(.object(let schema)), .map(.object(let schema)): schema
        case .oneOf(let types): types.lazy.compactMap(nested).first
        default: nil
        }
    }
}

private extension String {
    func paddedTo(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
