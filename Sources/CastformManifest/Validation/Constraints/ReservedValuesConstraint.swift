import CastformCore

extension ConstraintCheck {
    static func reservedValues(_ value: ConfigValue, key: String, values: [String], reason: String) -> [Finding] {
        value.items.compactMap { item in
            guard let keyValue = item[key], let text = keyValue.string, values.contains(text) else { return nil }
            return Finding(.constraint(.reserved(key: key, value: text, reason: reason)), at: keyValue.location)
        }
    }
}
