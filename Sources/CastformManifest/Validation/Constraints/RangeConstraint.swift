import CastformCore

extension ConstraintCheck {
    /// `width` at least 128, `quality` 0 to 44, ...
    static func range(_ value: ConfigValue, name: String, min: Double?, max: Double?) -> [Diagnostic] {
        guard let number = value.number else { return [] }
        let tooLow = min.map { number < $0 } ?? false
        let tooHigh = max.map { number > $0 } ?? false
        guard tooLow || tooHigh else { return [] }
        let bound: String
        switch (min, max) {
        case let (low?, high?): bound = "between \(format(low)) and \(format(high))"
        case let (low?, nil): bound = "at least \(format(low))"
        case let (nil, high?): bound = "at most \(format(high))"
        case (nil, nil): return []
        }
        return [.error("\"\(name)\" must be \(bound), not \(format(number))", at: value.location)]
    }

    static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}
