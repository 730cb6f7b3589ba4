import CastformCore
import YAML

/// Problems found decoding a value against its attribute's type: the wrong kind of value, an
/// attribute that does not exist or is missing, a number too large to hold, a time that is no
/// time.
public enum ValueProblem: Sendable, Hashable {
    /// An object written as something other than a mapping.
    case notAnObject(Context, found: ValueKind)
    /// An attribute name that is not a plain string.
    case attributeNameNotAString(found: ValueKind)
    /// A key of a free-form map (`map`, the attribute) that is not a plain string.
    case mapKeyNotAString(map: String, found: ValueKind)
    /// An attribute the object's schema does not have.
    case unknownAttribute(String, in: Context, suggestion: String?)
    /// An attribute the service computes, written in a manifest.
    case computedAttribute(String)
    /// An attribute written under two of its names (`name` after `earlier`).
    case sameAttributeTwice(String, earlier: String)
    /// A required attribute not written.
    case missingRequired(String, in: Context)
    /// A value of another kind than the type. `written` is the scalar as written, nil for a
    /// collection, null, or a sensitive value (which is never quoted).
    case wrongType(ManifestProblem.Subject, expected: ExpectedType, found: ValueKind, written: Scalar?)
    /// A number the type could hold but for its size; `written` as written, nil when sensitive.
    case numberTooLarge(ManifestProblem.Subject, bound: Bound, written: String?)
    /// A start time that does not read as one.
    case badTime(String, TimeParser.Failure)
    /// A file path that is empty.
    case emptyPath(ManifestProblem.Subject)

    /// The object a message is about.
    public enum Context: Sendable, Hashable {
        /// A resource's body.
        case resource(ResourceAddress)
        /// The one resource of a document-format file, of this type.
        case document(type: String)
        /// A resource's `lifecycle` block.
        case lifecycle
        /// One of castform.yaml's blocks (`state`, `files`).
        case setting(String)
        /// A provider's settings in castform.yaml.
        case provider(String)
        /// An attribute whose value is an object.
        case attribute(String)
    }

    /// What a number too large for its type is held against: its attribute's range, or else
    /// what the type can hold.
    public enum Bound: Sendable, Hashable {
        case range(NumberRange)
        case integer
        case finite
    }
}

/// An attribute's bounds; at least one is set.
public struct NumberRange: Sendable, Hashable {
    public var min: Double?
    public var max: Double?

    public init(min: Double?, max: Double?) {
        self.min = min
        self.max = max
    }
}
