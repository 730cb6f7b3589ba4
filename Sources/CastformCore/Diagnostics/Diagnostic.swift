/// One problem found in the user's input, with where it is and what to do about it.
///
/// Diagnostics are values: code collects them and carries on, so one run reports every problem
/// of a workspace (DESIGN.md §1) instead of stopping at the first. A diagnostic made from a
/// `DiagnosticProblem` keeps that problem as data beside its worded message, so code and tests
/// can ask what was found without parsing the sentence.
public struct Diagnostic: Sendable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// What was found, as data, when the code that found it has a type for its problems
    /// (CastformManifest's `ManifestProblem`); nil for a diagnostic made from a sentence alone.
    /// Core holds it without knowing its type: ask for the type you know (`problem as? T`).
    public var problem: (any DiagnosticProblem)? = nil

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// The problem, worded by its type, at `location`; its severity is the problem's.
    public init(_ problem: some DiagnosticProblem, at location: SourceLocation?) {
        self.init(problem.severity, problem.message, at: location)
        self.problem = problem
    }

    public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }
}

extension Diagnostic: Hashable {
    /// Equal when they say the same thing at the same place and carry equal problems (or none).
    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && a.message == b.message && a.location == b.location
            && a.problem.map { AnyHashable($0) } == b.problem.map { AnyHashable($0) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(severity)
        hasher.combine(message)
        hasher.combine(location)
    }
}

/// What is written for programs is what a user reads: severity, message and place. The problem
/// is for code in this process and is not encoded; a decoded diagnostic has none.
extension Diagnostic: Codable {
    enum CodingKeys: String, CodingKey {
        case severity, message, location
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// In reading order: by file, line, column; problems without a place come first.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (x?, y?): return x == y ? a.offset < b.offset : x < y
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
