import CastformCore

extension ConstraintCheck {
    static func uniqueItems(_ value: ConfigValue, name: String, key: String) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for item in value.items {
            guard let keyValue = item[key], let text = keyValue.string else { continue }
            if let earlier = first[text] {
                diagnostics.append(.error("\(key) \"\(text)\" appears twice in \"\(name)\" (first at line \(earlier.line)); each must be unique", at: keyValue.location))
            } else {
                first[text] = keyValue.location
            }
        }
        return diagnostics
    }
}
