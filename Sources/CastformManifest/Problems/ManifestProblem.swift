import CastformCore
import YAML

/// Every problem the manifest layer finds, as data, from an unreadable file to a reference
/// cycle; the sentences a user reads are all in `ManifestProblem+Message.swift`.
///
/// Each case names the stage that finds it, in the order data flows (DESIGN.md §3), and
/// carries an enum of that stage's problems whose cases hold the facts: names, values, types,
/// limits, the suggestion for a misspelling, and positions other than the diagnostic's own.
/// Code and tests branch on these; nobody parses a sentence. Services are never named here:
/// what is special about one (a format's name, a reserved value's reason) arrives as data
/// from its schema.
public enum ManifestProblem: DiagnosticProblem {
    /// A workspace file as a file (unreadable, too large, not UTF-8), or no manifests at all.
    case source(SourceProblem)
    /// Text that is not YAML, or YAML castform refuses (a duplicate key, an alias bomb).
    case syntax(YAMLError)
    /// castform.yaml's settings.
    case settings(SettingsProblem)
    /// What a manifest declares: types, names, document formats, depends_on, lifecycle.
    case declaration(DeclarationProblem)
    /// A value that does not decode against its attribute's type.
    case value(ValueProblem)
    /// A malformed `${...}`.
    case expression(ExpressionProblem)
    /// A value against one of its attribute's constraints (range, length, allowed values, ...).
    case constraint(ConstraintProblem)
    /// An object against a rule across its attributes (exactly one of, which go together).
    case shape(ShapeProblem)
    /// A file a manifest names for upload.
    case file(FileProblem)
    /// A `${...}` or `depends_on` entry that names nothing, or dependencies in a circle.
    case reference(ReferenceProblem)
    /// A value substituted by `${...}` whose type its attribute does not take.
    case interpolation(InterpolationProblem)
    /// `for_each`, its keys and `each`.
    case forEach(ForEachProblem)
    /// A `moved` entry.
    case moved(MoveProblem)
    /// A variable's value given from outside castform.yaml (`-var`, `-var-file`).
    case override(OverrideProblem)
    /// A problem of a value that `${...}` substitutes, found as if the value were written in
    /// place: the message says where the value came from.
    indirect case substituted(ManifestProblem, from: Substitution)

    /// What a message is about: an attribute (or a map's key), or each item of a list.
    public enum Subject: Sendable, Hashable {
        case named(String)
        case eachItem(of: String)
    }

    /// Where a substituted value came from: one reference substituted whole, or a text with
    /// references in it (as written: its `${...}`, never a value, so a secret stays out).
    public enum Substitution: Sendable, Hashable {
        case reference(Reference)
        case template(written: String)
    }

    /// Warnings are the problems that stop nothing now: an empty manifest, a file outside the
    /// workspace that castform.yaml allows, an environment variable only plan and apply need.
    public var severity: Diagnostic.Severity {
        switch self {
        case .source(.emptyManifest): return .warning
        case .file(let problem): return problem.isAllowed ? .warning : .error
        case .reference(.environmentNotSet(_, let required)): return required ? .error : .warning
        case .substituted(let problem, _): return problem.severity
        default: return .error
        }
    }
}

extension Diagnostic {
    /// The manifest problem this diagnostic reports, when it reports one.
    public var manifestProblem: ManifestProblem? {
        problem as? ManifestProblem
    }

    /// `problem`, worded, at `location` (a concrete name for `Diagnostic(_:at:)`, so a case can
    /// be written as `.value(...)` without naming its type).
    public static func manifest(_ problem: ManifestProblem, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(problem, at: location)
    }
}
