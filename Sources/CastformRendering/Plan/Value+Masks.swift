import CastformCore

extension Value {
    /// A document value joined again with its masks: where `sensitive` says `true` the value
    /// is `.sensitive(.null)`, where `unknown` does it is `.unknown`, so renderers handle one
    /// value instead of three trees walked in step. nil stays nil (no such side).
    static func rejoined(_ value: Value?, sensitive: Value?, unknown: Value?) -> Value? {
        if sensitive == .bool(true) { return .sensitive(.null) }
        if unknown == .bool(true) { return .unknown }
        guard let value else { return nil }
        switch value {
        case .object(let fields):
            var joined: [String: Value] = [:]
            for (key, field) in fields {
                joined[key] = rejoined(field, sensitive: sensitive?[key], unknown: unknown?[key]) ?? .null
            }
            return .object(joined)
        case .list(let items):
            return .list(items.enumerated().map { index, item in
                rejoined(item, sensitive: sensitive?.element(index), unknown: unknown?.element(index)) ?? .null
            })
        default:
            return value
        }
    }

    /// The `index`th item of a list mask, nil when there is none.
    func element(_ index: Int) -> Value? {
        if case .list(let items) = self, index < items.count { return items[index] }
        return nil
    }

    /// Whether the value says something: not absent, not null.
    var isSet: Bool { self != .null }
}
