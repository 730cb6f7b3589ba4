import Foundation

/// Runs CPU-bound synchronous work (parsing 10,000 manifests, a 15 MB state file) on a thread
/// of its own and waits for it without holding a thread that Swift's tasks run on.
///
/// Those threads are as many as cores (on Linux, Dispatch's global queues, which
/// `DispatchQueue.global()` would share). Work that holds one of them for half a second keeps
/// other tasks from running meanwhile: on two cores, the manifests and the state loading side
/// by side held both, and the providers' list reads meant to be in flight by then could not
/// send their first request until one of them finished.
public func runBlocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// `runBlocking` for work that cannot fail.
public func runBlocking<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}

/// Lets go of `value` on a thread of its own: freeing the maps of a 10,000-object plan run
/// object by object takes a tenth of a second that the caller, about to print the plan and
/// exit, need not wait for. The caller must hand over its only copy (`consume`).
public func releaseInBackground<T: Sendable>(_ value: consuming T) {
    let owned = value
    Thread { withExtendedLifetime(owned) {} }.start()
}
