/// Paces the reading of a request body to `FaultPlan.uploadBytesPerSecond`, emulating a slow
/// link: the route reads no faster than the rate, and TCP backpressure slows the sender down.
///
/// A route that streams its body calls `pace(after:)` once per chunk it consumed. Without a
/// rate it does nothing, so routes call it unconditionally. It measures and waits on the
/// clock the server was given (`EmulatorContext.clock`), so a test clock controls it.
public struct UploadThrottle: Sendable {
    private let bytesPerSecond: Int?
    private let elapsed: @Sendable () -> Duration
    private let sleep: @Sendable (Duration) async throws -> Void
    private var received = 0

    public init(bytesPerSecond: Int?, clock: any Clock<Duration> = ContinuousClock()) {
        self.init(bytesPerSecond: bytesPerSecond, on: clock)
    }

    private init<C: Clock<Duration>>(bytesPerSecond: Int?, on clock: C) {
        self.bytesPerSecond = bytesPerSecond
        let start = clock.now
        elapsed = { start.duration(to: clock.now) }
        sleep = { try await clock.sleep(for: $0) }
    }

    /// Waits until `byteCount` more bytes are allowed by the rate, counted from the first chunk.
    public mutating func pace(after byteCount: Int) async throws {
        guard let rate = bytesPerSecond, rate > 0 else { return }
        received += byteCount
        let wait = .seconds(Double(received) / Double(rate)) - elapsed()
        if wait > .zero { try await sleep(wait) }
    }
}
