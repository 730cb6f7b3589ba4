import CastformCore

extension ConstraintCheck {
    /// `width` at least 128, `quality` 0 to 44, ...
    static func range(_ value: ConfigValue, name: String, min: Double?, max: Double?) -> [Finding] {
        guard let number = value.number, min != nil || max != nil else { return [] }
        let tooLow = min.map { number < $0 } ?? false
        let tooHigh = max.map { number > $0 } ?? false
        guard tooLow || tooHigh else { return [] }
        // An integer stays one: 9223372036854775807, not 9.223372036854776e+18.
        let written: ConstraintProblem.Number = value.int.map { .int($0) } ?? .real(number)
        let problem = ConstraintProblem.outOfRange(attribute: name, range: NumberRange(min: min, max: max), value: written)
        return [Finding(.constraint(problem), at: value.location)]
    }
}

extension Attribute {
    /// The bounds of the attribute's `.range` constraint, if it has one.
    /// Asked of every attribute decoded: its constraints are looked at in place, not each
    /// copied out (with the names and lists some carry).
    var numericRange: (min: Double?, max: Double?)? {
        let constraints = constraints
        for index in constraints.indices {
            if case .range(let min, let max) = constraints[index] { return (min, max) }
        }
        return nil
    }
}
