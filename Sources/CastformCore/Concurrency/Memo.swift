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

/// Values computed once per key and kept, for work that many items of a run repeat on few
/// keys (10,000 shows naming one audio file: checked and stat'ed once). Shared by threads
/// working side by side, hence the lock; two asking at once for a new key may both compute it.
public final class MemoTable<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let values = Mutex<[Key: Value]>([:])

    public init() {}

    public func value(for key: Key, _ make: () -> Value) -> Value {
        if let known = values.withLock({ $0[key] }) { return known }
        let made = make()
        values.withLock { $0[key] = made }
        return made
    }
}
