import Synchronization

/// Work started before anyone asks for its result, so that it runs while something else does:
/// a provider's list read while castform loads state (`Provider.prefetch`), the state read
/// while the manifests load. `take` hands the started work to the first taker once; a later
/// taker (or one when nothing was started) runs its own body, so nothing stale is served
/// twice. Work never taken ends with the process.
public final class HeadStart<Result: Sendable>: Sendable {
    private let started = Mutex<Task<Result, any Error>?>(nil)

    public init() {}

    /// Starts `body` unless started work is already waiting.
    public func start(_ body: @escaping @Sendable () async throws -> Result) {
        started.withLock { started in
            if started == nil { started = Task(operation: body) }
        }
    }

    /// The started work's result, or `body` run now when there is none.
    public func take(orRun body: () async throws -> Result) async throws -> Result {
        if let task = started.withLock({ started in defer { started = nil }; return started }) { return try await task.value }
        return try await body()
    }
}
