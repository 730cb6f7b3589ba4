import CastformCore

extension ConstraintCheck {
    /// Tracklist starts strictly increase: a service shows them in order of time.
    static func increasing(_ value: ConfigValue, name: String, key: String) -> [Finding] {
        var previous: Int?
        var findings: [Finding] = []
        for (index, item) in value.items.enumerated() {
            guard let start = item[key], let seconds = start.int else { continue }
            if let previous, seconds <= previous {
                let problem = ConstraintProblem.notIncreasing(attribute: name, item: index + 1, key: key, seconds: seconds, previous: previous)
                findings.append(Finding(.constraint(problem), at: start.location))
            }
            previous = max(previous ?? seconds, seconds)
        }
        return findings
    }
}
