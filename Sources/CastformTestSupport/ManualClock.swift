import Foundation
import CastformHTTP
import NIOConcurrencyHelpers

/// A clock for tests: time moves only when the test says so, and every sleep is recorded.
///
/// Two ways to drive it. With `advancesOnSleep: true` a sleep returns at once after moving time
/// forward by its duration, so a test of retries runs instantly and then asserts `sleeps`
/// (the exact delays asked for) and `now`. With the default, sleepers wait until the test calls
/// `advance(by:)`; `waitForSleepers(_:)` lets the test wait until the code under test is really
/// waiting, which is how rate-limit and concurrency tests observe who is held back.
public final class ManualClock: HTTPClock {
    private struct Sleeper {
        var id: Int
        var deadline: Duration
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Duration = .zero
        var sleeps: [Duration] = []
        var sleepers: [Sleeper] = []
        var cancelled: Set<Int> = []
        var watchers: [(count: Int, continuation: CheckedContinuation<Void, Never>)] = []
        var nextID = 0
    }

    private let state = NIOLockedValueBox(State())
    private let origin: Date
    private let advancesOnSleep: Bool

    /// - Parameters:
    ///   - date: the wall-clock date at time zero (for HTTP-date `Retry-After` values).
    ///   - advancesOnSleep: whether a sleep moves time forward by itself and returns at once.
    public init(date: Date = Date(timeIntervalSince1970: 1_800_000_000), advancesOnSleep: Bool = false) {
        self.origin = date
        self.advancesOnSleep = advancesOnSleep
    }

    public var now: Duration { state.withLockedValue { $0.now } }

    public var date: Date {
        let now = self.now
        return origin.addingTimeInterval(Double(now.components.seconds) + Double(now.components.attoseconds) / 1e18)
    }

    /// Every positive duration passed to `sleep(for:)`, in call order.
    public var sleeps: [Duration] { state.withLockedValue { $0.sleeps } }

    /// How many tasks are suspended in `sleep(for:)` right now.
    public var sleeperCount: Int { state.withLockedValue { $0.sleepers.count } }

    /// Moves time forward and wakes every sleeper whose deadline has come, earliest first.
    public func advance(by duration: Duration) {
        let woken: [Sleeper] = state.withLockedValue { state in
            state.now += duration
            let due = state.sleepers.filter { $0.deadline <= state.now }.sorted { $0.deadline < $1.deadline }
            state.sleepers.removeAll { $0.deadline <= state.now }
            return due
        }
        for sleeper in woken { sleeper.continuation.resume() }
    }

    /// Returns once at least `count` tasks are suspended in `sleep(for:)`.
    public func waitForSleepers(_ count: Int = 1) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLockedValue { state in
                if state.sleepers.count >= count { return true }
                state.watchers.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return try Task.checkCancellation() }
        if advancesOnSleep {
            state.withLockedValue { state in
                state.sleeps.append(duration)
                state.now += duration
            }
            return try Task.checkCancellation()
        }
        let id = state.withLockedValue { state in
            state.sleeps.append(duration)
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                register(id: id, deadline: duration, continuation: continuation)
            }
        } onCancel: {
            cancel(id: id)
        }
    }

    private func register(id: Int, deadline duration: Duration, continuation: CheckedContinuation<Void, any Error>) {
        enum Outcome { case cancelled, waiting([CheckedContinuation<Void, Never>]) }
        let outcome: Outcome = state.withLockedValue { state in
            if state.cancelled.remove(id) != nil { return .cancelled }
            state.sleepers.append(Sleeper(id: id, deadline: state.now + duration, continuation: continuation))
            let count = state.sleepers.count
            let ready = state.watchers.filter { $0.count <= count }.map(\.continuation)
            state.watchers.removeAll { $0.count <= count }
            return .waiting(ready)
        }
        switch outcome {
        case .cancelled: continuation.resume(throwing: CancellationError())
        case .waiting(let watchers): for watcher in watchers { watcher.resume() }
        }
    }

    private func cancel(id: Int) {
        let sleeper: Sleeper? = state.withLockedValue { state in
            guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else {
                state.cancelled.insert(id)
                return nil
            }
            return state.sleepers.remove(at: index)
        }
        sleeper?.continuation.resume(throwing: CancellationError())
    }
}
