import CastformCore

extension ConstraintCheck {
    static func reservedValues(_ value: ConfigValue, key: String, values: [String], reason: String) -> [Diagnostic] {
        value.items.compactMap { item in
            guard let keyValue = item[key], let text = keyValue.string, values.contains(text) else { return nil }
            return .error("\(key) \"\(text)\" is reserved: \(reason)", at: keyValue.location)
        }
    }
}
