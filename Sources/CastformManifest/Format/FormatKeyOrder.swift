import CastformCore
import YAML

/// Which schema a mapping of a manifest is read against, as the formatter walks down from the
/// root: the order of its keys comes from there.
enum FormatContext {
    /// The root of a manifest: types, `data`, `moved`.
    case manifestRoot
    /// Under `data:`: data-source types.
    case dataRoot
    /// Under a type: resource names, each a body of `schema`.
    case resources(ObjectSchema)
    /// A resource's body, or an object nested in it.
    case object(ObjectSchema, isBody: Bool)
    /// Anything else (castform.yaml, a document-format file, free-form maps): written order.
    case free

    /// Whether a schema says what the mapping holds: only then does fmt choose flow style
    /// for lists (elsewhere — a document-format file's extras, free maps — it keeps what was
    /// written).
    var isSchema: Bool {
        if case .object = self { return true }
        return false
    }

    /// The context of the value under `key` in a mapping of this context.
    func child(_ key: String, registry: SchemaRegistry) -> FormatContext {
        switch self {
        case .manifestRoot:
            if key == "data" { return .dataRoot }
            return registry.schema(.managed, key).map { .resources($0.body) } ?? .free
        case .dataRoot:
            return registry.schema(.data, key).map { .resources($0.body) } ?? .free
        case .resources(let body):
            return .object(body, isBody: true)
        case .object(let schema, _):
            guard let attribute = schema.attributes.first(where: { $0.name == key || $0.aliases.contains(key) }) else { return .free }
            return Self.context(of: attribute.type)
        case .free:
            return .free
        }
    }

    /// The context of each item of a list in this context (a list attribute's items).
    func item(_ key: String, registry: SchemaRegistry) -> FormatContext {
        guard case .object(let schema, _) = self,
              let attribute = schema.attributes.first(where: { $0.name == key || $0.aliases.contains(key) }),
              case .list(let element) = attribute.type else { return .free }
        return Self.context(of: element)
    }

    private static func context(of type: ValueType) -> FormatContext {
        switch type {
        case .object(let schema): return .object(schema, isBody: false)
        case .oneOf(let types):
            for type in types { if case .object(let schema) = type { return .object(schema, isBody: false) } }
            return .free
        default: return .free
        }
    }

    /// `pairs` in canonical order: a body's `for_each` and `for_each_key` first, then the
    /// schema's attributes in its order, keys the schema does not know as written, and
    /// `depends_on` and `lifecycle` last — Terraform's layout of meta-arguments.
    func ordered(_ pairs: [Pair]) -> [Pair] {
        guard case .object(let schema, let isBody) = self else { return pairs }
        var rank: [String: Int] = [:]
        for (index, attribute) in schema.attributes.enumerated() {
            rank[attribute.name] = 10 + index
            for alias in attribute.aliases { rank[alias] = 10 + index }
        }
        let unknown = 10 + schema.attributes.count
        if isBody {
            rank["for_each"] = 0
            rank["for_each_key"] = 1
            rank["depends_on"] = unknown + 1
            rank["lifecycle"] = unknown + 2
        }
        return pairs.enumerated().sorted { left, right in
            let (a, b) = (rank[left.element.key.scalar?.value ?? ""] ?? unknown, rank[right.element.key.scalar?.value ?? ""] ?? unknown)
            return a != b ? a < b : left.offset < right.offset
        }.map(\.element)
    }
}
