import CastformCore

extension ConstraintCheck {
    static func maxItems(_ value: ConfigValue, name: String, limit: Int) -> [Finding] {
        guard case .list(let items) = value.kind, items.count > limit else { return [] }
        return [Finding(.constraint(.tooManyItems(attribute: name, count: items.count, limit: limit)), at: items[limit].location)]
    }
}
