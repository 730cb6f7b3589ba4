import CastformCore

/// Problems with what a manifest declares: its shape (types mapping to named resources), the
/// names, a provider's document format, `depends_on` and `lifecycle`.
public enum DeclarationProblem: Sendable, Hashable {
    /// A manifest that is not a mapping of types; `exampleType` is a type to show in the
    /// message, when the registry has one.
    case notAMapping(exampleType: String?, found: ValueKind)
    /// `data:` is not a mapping of data-source types.
    case dataNotAMapping
    /// A type key that is not a plain string.
    case typeNotAString(found: ValueKind)
    /// A type the registry does not have, of resources (`.managed`) or data sources (`.data`).
    case unknownType(String, mode: ResourceAddress.Mode, suggestion: String?)
    /// A data-source type declared at the top level.
    case dataSourceAtTopLevel(type: String)
    /// A resource type declared under `data:`.
    case resourceUnderData(type: String)
    /// A type that does not map names to resources.
    case typeNotAMapping(type: String, found: ValueKind)
    /// A resource name that is not a plain string.
    case nameNotAString(found: ValueKind)
    /// A resource name that `ResourceAddress.isValidName` refuses.
    case invalidName(String)
    /// The same address twice in the workspace; `first` is where it was declared first.
    case declaredTwice(ResourceAddress, first: SourceLocation)
    /// A document-format file (see `DocumentFormat`) whose name cannot be a resource name.
    case fileNameNotAName(fileName: String, type: String)
    /// A document-format file with neither its sibling file's attribute nor the file beside it.
    case noSiblingFile(attribute: String, type: String, base: String, fileName: String, extensions: [String])
    /// A second document in a document-format file; `format` is the format's name, if it has one.
    case extraDocument(format: String?, type: String)
    /// `depends_on` is not a list.
    case dependsOnNotAList(found: ValueKind)
    /// A `depends_on` entry that is not an address: its text, or its kind when not a scalar.
    case notAnAddress(written: String?, found: ValueKind)
    /// `ignore_changes` names an attribute the service computes.
    case ignoreChangesComputed(attribute: String)
    /// `ignore_changes` names no attribute of `type`.
    case ignoreChangesUnknown(attribute: String, type: String, suggestion: String?)
}
