import CastformCore

/// A `${...}` or `depends_on` entry that names nothing there is, and dependencies that go
/// round in a circle.
public enum ReferenceProblem: Sendable, Hashable {
    /// `${env.NAME}` not set: an error where the value is needed (plan, apply), a warning at
    /// validate, which runs where secrets are not.
    case environmentNotSet(String, required: Bool)
    /// `${var.NAME}` not declared in the settings file (`settingsFile`).
    case undeclaredVariable(String, settingsFile: String, suggestion: String?)
    /// A reference to a type that exists only on the other side of `data.`, with the address
    /// and path as written (the message shows how to write them).
    case wrongMode(ResourceAddress, path: [PathStep])
    /// A reference to a type that does not exist.
    case unknownType(String, suggestion: String?)
    /// A reference to an address that is not declared; `suggestion` is a declared name.
    case undeclared(ResourceAddress, suggestion: String?)
    /// A reference to an attribute `type` does not have.
    case noAttribute(type: String, attribute: String, suggestion: String?)
    /// A step into an object that it does not have; `at` is the address and the path before
    /// the step.
    case noNestedAttribute(at: ResourceAddress, path: [PathStep], key: String, suggestion: String?)
    /// A step by name into a list, which needs an index first.
    case listNeedsIndex(at: ResourceAddress, path: [PathStep], key: String)
    /// An index into what is not a list.
    case notAList(at: ResourceAddress, path: [PathStep])
    /// A step by name into a value that has no attributes (a string, a number).
    case notAnObject(at: ResourceAddress, path: [PathStep], key: String)
    /// `depends_on` names an address that is not declared.
    case dependsOnUndeclared(ResourceAddress, suggestion: String?)
    /// Resources that depend on each other in a circle, from the first in file order back to
    /// it (the first is not repeated at the end).
    case cycle([ResourceAddress])
}
