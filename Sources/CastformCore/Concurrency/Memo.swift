import Synchronization

/// A value computed the first time it is asked for, then kept: for what a value type derives
/// from its contents (a workspace's dependency graph) and several readers need. Copies of the
/// owner share it; the owner replaces it when the contents change.
public final class Memo<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)

    public init() {}

    /// The kept value, or `make()`'s, kept from now on. Readers asking meanwhile wait for it.
    public func value(_ make: () -> Value) -> Value {
        value.withLock { kept in
            if let kept { return kept }
            let made = make()
            kept = made
            return made
        }
    }
}
