/// A counting semaphore for async code: at most `limit` holders at once, waiters served in
/// arrival order, and a waiter that is cancelled leaves the queue at once.
actor ConcurrencyLimiter {
    private let limit: Int
    private var holders = 0
    private var waiters: [(id: Int, continuation: CheckedContinuation<Void, any Error>)] = []
    private var cancelledBeforeWaiting: Set<Int> = []
    private var nextID = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes a slot, waiting for one if all are held. Every successful call must be paired
    /// with one `release()`.
    func acquire() async throws {
        if holders < limit {
            holders += 1
            return
        }
        nextID += 1
        let id = nextID
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if cancelledBeforeWaiting.remove(id) != nil {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.cancel(id) }
        }
    }

    func release() {
        if waiters.isEmpty {
            holders -= 1
        } else {
            // The slot passes straight to the next waiter: `holders` stays the same.
            waiters.removeFirst().continuation.resume()
        }
    }

    private func cancel(_ id: Int) {
        if let index = waiters.firstIndex(where: { $0.id == id }) {
            waiters.remove(at: index).continuation.resume(throwing: CancellationError())
        } else {
            cancelledBeforeWaiting.insert(id)
        }
    }
}
