import CastformCore

extension ConstraintCheck {
    static func oneOf(_ value: ConfigValue, name: String, allowed: [String]) -> Diagnostic? {
        guard let text = value.string, !allowed.contains(text) else { return nil }
        if let close = Suggestion.closest(to: text, in: allowed) {
            return .error("\"\(name)\" cannot be \"\(text)\"; did you mean \"\(close)\"?", at: value.location)
        }
        let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
        return .error("\"\(name)\" cannot be \"\(text)\"; it must be one of \(list)", at: value.location)
    }
}
