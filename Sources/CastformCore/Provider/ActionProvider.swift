/// A provider that can act on live objects beyond their desired state (end a broadcast, cut
/// a clip): things a user does now, not things a manifest declares. `castform run` calls it.
public protocol ActionProvider: Provider {
    /// The actions one type offers, with a one-line description each.
    func actions(type: String) -> [(name: String, summary: String)]

    /// Performs `action` on the object `id` of `type`; `options` are the command's `--key value`s.
    /// Returns what to tell the user.
    func perform(action: String, type: String, id: String, options: [String: String]) async -> ActionResult
}

public struct ActionResult: Sendable {
    public var message: String
    public var diagnostics: [Diagnostic]

    public init(message: String = "", diagnostics: [Diagnostic] = []) {
        self.message = message
        self.diagnostics = diagnostics
    }
}
