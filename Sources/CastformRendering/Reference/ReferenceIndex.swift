import CastformCore

/// docs/reference/README.md: every type, by provider, linking to its page.
public enum ReferenceIndex {
    public static func render(_ registry: SchemaRegistry) -> String {
        var text = "# Reference\n\nEvery resource and data-source type castform knows, generated from its schema "
            + "(`castform docs generate`). `castform schema` lists the same in the terminal.\n\n"
        let schemas = Array(registry.managed.values) + Array(registry.data.values)
        for provider in Set(schemas.map(\.provider)).sorted() {
            text += "## \(provider)\n\n"
            for schema in schemas.filter({ $0.provider == provider }).sorted(by: { ($0.mode.rawValue, $0.name) < ($1.mode.rawValue, $1.name) }) {
                text += "- [`\(schema.name)`](\(fileName(schema))) — \(ReferencePage.kind(schema).lowercased()): \(schema.summary)\n"
            }
            text += "\n"
        }
        return text
    }

    /// The page's file name: the type's name, with `data-` before a data source's (a resource
    /// and a data source may share a name).
    public static func fileName(_ schema: ResourceTypeSchema) -> String {
        (schema.mode == .data ? "data-" : "") + schema.name + ".md"
    }

    /// Every page of the reference, by file name, the index included.
    public static func pages(_ registry: SchemaRegistry) -> [String: String] {
        var pages = ["README.md": render(registry)]
        for schema in Array(registry.managed.values) + Array(registry.data.values) {
            pages[fileName(schema)] = ReferencePage.render(schema)
        }
        return pages
    }
}
