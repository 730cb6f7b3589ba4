import CastformCore

extension ConstraintCheck {
    /// The value is never quoted in the message: target URLs carry stream keys.
    static func urlScheme(_ value: ConfigValue, name: String, schemes: [String], sensitive: Bool) -> Finding? {
        guard let text = value.string else { return nil }
        let lower = text.lowercased()
        if schemes.contains(where: { lower.hasPrefix("\($0)://") && lower.count > $0.count + 3 }) { return nil }
        return Finding(.constraint(.urlScheme(attribute: name, schemes: schemes, written: sensitive ? nil : text)), at: value.location)
    }
}
