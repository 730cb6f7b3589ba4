import CastformCore

extension ConstraintCheck {
    static func maxItems(_ value: ConfigValue, name: String, limit: Int) -> [Diagnostic] {
        guard case .list(let items) = value.kind, items.count > limit else { return [] }
        return [.error("\"\(name)\" has \(items.count) items; at most \(limit) are allowed", at: items[limit].location)]
    }
}
