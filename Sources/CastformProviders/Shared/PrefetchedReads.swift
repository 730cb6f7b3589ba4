import Synchronization

/// Reads a provider started before the engine asked for them (`Provider.prefetch`), by type.
///
/// A list of a type's objects does not depend on state: started while castform loads state,
/// its pages arrive meanwhile. `take` hands a started read to the first `read` of its type
/// (a second `read` lists again, so nothing stale is ever served twice); a read never taken
/// ends with the process.
final class PrefetchedReads<Result: Sendable>: Sendable {
    private let started = Mutex<[String: Task<Result, any Error>]>([:])

    /// Starts `body` for `type` unless a read of it is already waiting.
    func start(_ type: String, _ body: @escaping @Sendable () async throws -> Result) {
        started.withLock { started in
            if started[type] == nil { started[type] = Task(operation: body) }
        }
    }

    /// The started read of `type`, or `body` run now when there is none.
    func take(_ type: String, orRun body: () async throws -> Result) async throws -> Result {
        if let task = started.withLock({ $0.removeValue(forKey: type) }) { return try await task.value }
        return try await body()
    }
}
