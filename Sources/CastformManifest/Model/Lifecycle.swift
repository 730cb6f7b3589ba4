import CastformCore

/// A resource's `lifecycle` block: how castform may change or remove it.
public struct Lifecycle: Sendable {
    /// A plan that would destroy the resource fails instead.
    public var preventDestroy = false
    /// Replacements create the new object before removing the old one.
    public var createBeforeDestroy = false
    /// Attributes whose differences are not planned, with where each is named.
    public var ignoreChanges: [(name: String, location: SourceLocation)] = []
    /// The type's own options (`on_remove` for cloudcasts), already defaulted.
    public var options: [String: ConfigValue] = [:]

    public init() {}
}
