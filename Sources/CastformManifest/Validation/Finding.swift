import CastformCore

/// A problem a check found, and where: what constraint checks return, so that a rule that
/// reuses them (`InterpolationRule`, for a substituted value) can add to the problem itself
/// rather than to its words.
struct Finding: Sendable {
    var problem: ManifestProblem
    var location: SourceLocation

    init(_ problem: ManifestProblem, at location: SourceLocation) {
        self.problem = problem
        self.location = location
    }

    var diagnostic: Diagnostic {
        .manifest(problem, at: location)
    }
}
