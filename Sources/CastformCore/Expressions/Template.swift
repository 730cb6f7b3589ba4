/// A string that interpolates expressions: `"${var.show_prefix} #42"`.
///
/// A template of exactly one interpolation and no text (`"${example_webhook.auth.id}"`)
/// evaluates to the referenced value itself, keeping its type.
public struct Template: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case literal(String)
        case interpolation(Reference, at: SourceLocation)
    }

    public var parts: [Part]

    public init(parts: [Part]) {
        self.parts = parts
    }

    /// The references in order of appearance, with where each is written.
    public var references: [(reference: Reference, location: SourceLocation)] {
        parts.compactMap {
            if case .interpolation(let reference, let location) = $0 { return (reference, location) }
            return nil
        }
    }

    /// The single reference when the whole string is one `${...}`.
    public var soleReference: Reference? {
        if parts.count == 1, case .interpolation(let reference, _) = parts[0] { return reference }
        return nil
    }
}
