import CastformCore

extension ConstraintCheck {
    /// Lengths count characters, as the services count a description's limit. `isItem`: the value
    /// is one item of the attribute's list (a tag), and is named so.
    static func length(_ value: ConfigValue, name: String, isItem: Bool, min: Int?, max: Int?) -> Diagnostic? {
        guard let text = value.string else { return nil }
        let count = text.count
        if let min, count < min {
            let subject = isItem ? "each item of \"\(name)\"" : "\"\(name)\""
            return .error(min == 1 ? "\(subject) must not be empty" : "\(subject) must be at least \(min) characters long", at: value.location)
        }
        if let max, count > max {
            let subject = isItem ? "an item of \"\(name)\"" : "\"\(name)\""
            return .error("\(subject) is \(count) characters long; the limit is \(max)", at: value.location)
        }
        return nil
    }
}
