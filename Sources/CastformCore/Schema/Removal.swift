/// What taking an object down means for a type, in words for the plan.
///
/// Most services delete. Some cannot (an API without a delete, where an object is unpublished
/// or unlisted instead), and a user may ask castform only to let go of an object, leaving it as it
/// is (`forget`, Terraform's `removed { lifecycle { destroy = false } }`).
public struct Removal: Sendable, Hashable {
    /// Completes "X will be …" and "the old object will be …": "destroyed", "unpublished (moved
    /// to drafts …)".
    public var description: String
    /// castform only drops the object from state; the service is not called.
    public var forgets: Bool

    public init(_ description: String, forgets: Bool = false) {
        self.description = description
        self.forgets = forgets
    }

    public static let destroy = Removal("destroyed")

    /// The plan's words when the object only leaves castform's care.
    public static func forget(_ description: String) -> Removal {
        Removal(description, forgets: true)
    }

    /// Whether this is plain deletion, which needs no note in the plan.
    public var isDestroy: Bool { self == .destroy }
}
