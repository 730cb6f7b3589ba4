/// Start times granted under a set of rate-limit windows: the bookkeeping of
/// `RateLimitMiddleware`, kept apart as a plain value so it is easy to reason about.
///
/// Each request is given the earliest start at which every window still has room, and that
/// start is recorded at once (a reservation). Callers then sleep until their start, so requests
/// are granted in arrival order, and the times handed out never decrease.
struct WindowSchedule: Sendable {
    private let windows: [RateLimit.Window]
    /// Per window, the starts of its last `count` requests, oldest first.
    private var starts: [[Duration]]

    init(_ windows: [RateLimit.Window]) {
        self.windows = windows
        self.starts = windows.map { _ in [] }
    }

    /// Reserves the earliest start not before `now` and returns it.
    mutating func reserve(now: Duration) -> Duration {
        var start = now
        for (index, window) in windows.enumerated() where starts[index].count >= window.count {
            // The window is full: the oldest of its last `count` starts must leave it first.
            start = max(start, starts[index][starts[index].count - window.count] + window.duration)
        }
        for (index, window) in windows.enumerated() {
            starts[index].append(start)
            if starts[index].count > window.count {
                starts[index].removeFirst(starts[index].count - window.count)
            }
        }
        return start
    }
}
