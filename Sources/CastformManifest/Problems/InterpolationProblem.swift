import CastformCore

/// A value `${...}` substitutes whose type its attribute does not take, found before it would
/// be sent (`InterpolationRule`).
public enum InterpolationProblem: Sendable, Hashable {
    /// Text with `${...}` in it where the attribute takes no text; `written` is the text with
    /// its `${...}`, never a value.
    case textForNonText(ManifestProblem.Subject, expected: ExpectedType, written: String)
    /// A variable substituted whole whose value has another type. `quoteIn` is the settings
    /// file, when quoting the value there would make it the text the attribute takes.
    case variableType(ManifestProblem.Subject, expected: ExpectedType, reference: Reference, found: ValueKind,
                      quoteIn: String?)
    /// An environment value (always a string) where the attribute takes no string.
    case environmentIsText(ManifestProblem.Subject, expected: ExpectedType, reference: Reference)
    /// Another resource's attribute, of a type this attribute does not take.
    case attributeType(ManifestProblem.Subject, expected: ExpectedType, reference: Reference, found: ExpectedType)
    /// A variable holding a list or a mapping written into text, where it would vanish.
    case variableNotText(Reference, found: ValueKind)
    /// Another resource's attribute of a type that has no text, written into text.
    case attributeNotText(Reference, type: ExpectedType)
}
