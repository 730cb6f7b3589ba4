import CastformCore

extension ConstraintCheck {
    /// Lengths count characters, as Mixcloud counts a description's 1000.
    static func length(_ value: ConfigValue, name: String, min: Int?, max: Int?) -> Diagnostic? {
        guard let text = value.string else { return nil }
        let count = text.count
        if let min, count < min {
            return .error(min == 1 ? "\"\(name)\" must not be empty" : "\"\(name)\" must be at least \(min) characters long", at: value.location)
        }
        if let max, count > max {
            return .error("\"\(name)\" is \(count) characters long; the limit is \(max)", at: value.location)
        }
        return nil
    }
}
