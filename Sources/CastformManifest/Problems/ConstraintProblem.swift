import CastformCore

/// A value against one of its attribute's constraints (`Constraint`): each case is one kind of
/// constraint broken, with the limit and what was written.
public enum ConstraintProblem: Sendable, Hashable {
    /// A number outside its attribute's range.
    case outOfRange(attribute: String, range: NumberRange, value: Number)
    /// A string shorter than its minimum length (`min` 1: an empty one).
    case tooShort(ManifestProblem.Subject, min: Int)
    /// A string longer than its maximum length, in characters.
    case tooLong(ManifestProblem.Subject, length: Int, max: Int)
    /// A list with more items than allowed.
    case tooManyItems(attribute: String, count: Int, limit: Int)
    /// A value not among the allowed ones; `suggestion` is an allowed one close to it.
    case notAllowed(attribute: String, value: String, allowed: [String], suggestion: String?)
    /// A URL without one of the schemes allowed; `written` is nil for a sensitive value.
    case urlScheme(attribute: String, schemes: [String], written: String?)
    /// A timestamp not written `YYYY-MM-DDTHH:MM:SSZ`.
    case notUTCTimestamp(attribute: String, written: String)
    /// A timestamp of the right form on a day the month does not have.
    case noSuchDay(attribute: String, written: String, month: Int, year: Int, days: Int)
    /// A key's value twice across a list's items; `first` is where it was first written.
    case duplicateItem(attribute: String, key: String, value: String, first: SourceLocation)
    /// A key's value the service reserves, with its reason (from the schema).
    case reserved(key: String, value: String, reason: String)
    /// Item `item` (1-based) of a list does not come after the one before it: its `key` is
    /// `seconds`, the highest before it `previous`.
    case notIncreasing(attribute: String, item: Int, key: String, seconds: Int, previous: Int)

    /// A number as written: an integer stays one (9223372036854775807, not 9.2e+18).
    public enum Number: Sendable, Hashable {
        case int(Int)
        case real(Double)
    }
}
