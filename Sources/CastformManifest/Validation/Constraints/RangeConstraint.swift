import CastformCore

extension ConstraintCheck {
    /// `width` at least 128, `quality` 0 to 44, ...
    static func range(_ value: ConfigValue, name: String, min: Double?, max: Double?) -> [Diagnostic] {
        guard let number = value.number, let bound = rangeBound(min: min, max: max) else { return [] }
        let tooLow = min.map { number < $0 } ?? false
        let tooHigh = max.map { number > $0 } ?? false
        guard tooLow || tooHigh else { return [] }
        // An integer is quoted as written: 9223372036854775807, not 9.223372036854776e+18.
        let shown = value.int.map(String.init) ?? format(number)
        return [.error("\"\(name)\" must be \(bound), not \(shown)", at: value.location)]
    }

    /// "between 0 and 44", "at least 128", "at most 1000"; nil without bounds.
    static func rangeBound(min: Double?, max: Double?) -> String? {
        switch (min, max) {
        case let (low?, high?): return "between \(format(low)) and \(format(high))"
        case let (low?, nil): return "at least \(format(low))"
        case let (nil, high?): return "at most \(format(high))"
        case (nil, nil): return nil
        }
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

extension Attribute {
    /// The bounds of the attribute's `.range` constraint, if it has one.
    var numericRange: (min: Double?, max: Double?)? {
        for constraint in constraints {
            if case .range(let min, let max) = constraint { return (min, max) }
        }
        return nil
    }
}
