import CastformCore

extension ConstraintCheck {
    static func uniqueItems(_ value: ConfigValue, name: String, key: String) -> [Finding] {
        var first: [String: SourceLocation] = [:]
        var findings: [Finding] = []
        for item in value.items {
            guard let keyValue = item[key], let text = keyValue.string else { continue }
            if let earlier = first[text] {
                let problem = ConstraintProblem.duplicateItem(attribute: name, key: key, value: text, first: earlier)
                findings.append(Finding(.constraint(problem), at: keyValue.location))
            } else {
                first[text] = keyValue.location
            }
        }
        return findings
    }
}
