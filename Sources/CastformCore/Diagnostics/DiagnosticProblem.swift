/// A problem as data: what was found, with the facts that make it this problem (names, values,
/// limits, suggestions), apart from the sentence a user reads.
///
/// The module that finds problems defines one type of these — an enum whose cases carry the
/// facts — and words all of them in one place, as swift-argument-parser keeps `ParserError`
/// apart from `MessageInfo`. Code then branches on cases, tests assert cases instead of
/// sentences, and a sentence can be reworded without touching the code that finds the problem.
/// Core only carries such a problem inside a `Diagnostic`: it never needs to know its cases.
public protocol DiagnosticProblem: Sendable, Hashable {
    /// The sentence a user reads, without the place (the diagnostic has that).
    var message: String { get }
    /// Whether the problem stops the run. Most do; the type decides for each case, so the
    /// severity cannot drift from the wording ("… is not set; plan and apply will need it").
    var severity: Diagnostic.Severity { get }
}

extension DiagnosticProblem {
    public var severity: Diagnostic.Severity { .error }
}
