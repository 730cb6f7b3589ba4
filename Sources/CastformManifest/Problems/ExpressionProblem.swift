/// A `${...}` that does not parse. Messages quote the expression itself, never the text around
/// it: that text may be a secret (a stream URL with its key) or a whole paragraph.
public enum ExpressionProblem: Error, Sendable, Hashable {
    /// `${` without its `}`; `start` is the expression-like text right after it (`var.region`).
    case unterminated(start: String)
    /// `${` without its `}` in a sensitive attribute's value: nothing of it is quoted, where
    /// the expression would end being a guess that could run into the secret.
    case unterminatedInSensitive(attribute: String)
    /// `${body}` is none of the forms a reference takes.
    case malformed(body: String)
    /// `${env...}` or `${var...}` (`prefix`) with other than one name after it.
    case needsOneName(body: String, prefix: String)
    /// `${data...}` without type, name and attribute.
    case malformedDataReference(body: String)
    /// `${each...}` other than `each.key` or `each.value` (with a path after `value`).
    case malformedEach(body: String)
}
