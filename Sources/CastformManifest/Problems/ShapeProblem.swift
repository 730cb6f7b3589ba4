/// An object against a rule across its attributes (`ObjectRule`).
public enum ShapeProblem: Sendable, Hashable {
    /// None of keys of which exactly one must be set.
    case noneOf([String])
    /// More than one of keys of which exactly one may be set.
    case moreThanOneOf([String])
    /// An item that has none of the shapes (`shapes` names them: "a track", "a chapter").
    case noShape(shapes: [String])
    /// An item with keys of several shapes.
    case mixedShapes([String])
    /// An item of shape `shape` without all of its keys: `missing` of `keys`.
    case incompleteShape(shape: String, keys: [String], missing: [String])
}
