import CastformCore

extension ConstraintCheck {
    /// The value is never quoted in the message: target URLs carry stream keys.
    static func urlScheme(_ value: ConfigValue, name: String, schemes: [String], sensitive: Bool) -> Diagnostic? {
        guard let text = value.string else { return nil }
        let lower = text.lowercased()
        if schemes.contains(where: { lower.hasPrefix("\($0)://") && lower.count > $0.count + 3 }) { return nil }
        let list = schemes.map { "\($0)://" }
        let choices = list.count == 1 ? list[0] : list.dropLast().joined(separator: ", ") + " or " + list.last!
        let shown = sensitive ? "" : " (\"\(text)\")"
        return .error("\"\(name)\" must be a \(choices) URL\(shown)", at: value.location)
    }
}
