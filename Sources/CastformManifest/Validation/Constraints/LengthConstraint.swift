import CastformCore

extension ConstraintCheck {
    /// Lengths count characters, as the services count a description's limit. `isItem`: the value
    /// is one item of the attribute's list (a tag), and is named so.
    static func length(_ value: ConfigValue, name: String, isItem: Bool, min: Int?, max: Int?) -> Finding? {
        guard let text = value.string else { return nil }
        let count = text.count
        let subject: ManifestProblem.Subject = isItem ? .eachItem(of: name) : .named(name)
        if let min, count < min {
            return Finding(.constraint(.tooShort(subject, min: min)), at: value.location)
        }
        if let max, count > max {
            return Finding(.constraint(.tooLong(subject, length: count, max: max)), at: value.location)
        }
        return nil
    }
}
