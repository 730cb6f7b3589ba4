import Foundation

/// The real clock: `ContinuousClock` for time and sleeping, the system's wall clock for dates.
public struct SystemClock: HTTPClock {
    private let origin = ContinuousClock.now

    public init() {}

    public var now: Duration { ContinuousClock.now - origin }

    public var date: Date { Date() }

    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return }
        try await Task.sleep(for: duration)
    }
}
