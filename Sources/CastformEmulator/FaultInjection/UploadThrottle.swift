/// Paces the reading of a request body to `FaultPlan.uploadBytesPerSecond`, emulating a slow
/// link: the route reads no faster than the rate, and TCP backpressure slows the sender down.
///
/// A route that streams its body calls `pace(after:)` once per chunk it consumed. Without a
/// rate it does nothing, so routes call it unconditionally.
public struct UploadThrottle: Sendable {
    private let bytesPerSecond: Int?
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var received = 0

    public init(bytesPerSecond: Int?) {
        self.bytesPerSecond = bytesPerSecond
        start = clock.now
    }

    /// Waits until `byteCount` more bytes are allowed by the rate, counted from the first chunk.
    public mutating func pace(after byteCount: Int) async throws {
        guard let rate = bytesPerSecond, rate > 0 else { return }
        received += byteCount
        let due = start + .seconds(Double(received) / Double(rate))
        if due > clock.now { try await Task.sleep(until: due, clock: clock) }
    }
}
