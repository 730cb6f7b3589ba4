import CastformCore

extension ConstraintCheck {
    static func oneOf(_ value: ConfigValue, name: String, allowed: [String]) -> Finding? {
        guard let text = value.string, !allowed.contains(text) else { return nil }
        let problem = ConstraintProblem.notAllowed(attribute: name, value: text, allowed: allowed,
                                                   suggestion: Suggestion.closest(to: text, in: allowed))
        return Finding(.constraint(problem), at: value.location)
    }
}
