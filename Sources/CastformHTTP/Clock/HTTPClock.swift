import Foundation

/// The time source of everything in CastformHTTP that waits or measures: retry backoff,
/// Retry-After, rate-limit windows, token expiry.
///
/// It is injected (through `ServiceConfiguration.clock`) so that tests of backoff and rate
/// limits are exact and instant with CastformTestSupport's `ManualClock`, instead of sleeping
/// for real and asserting timings on a shared machine.
public protocol HTTPClock: Sendable {
    /// Monotonic time since the clock's origin; only differences between readings mean anything.
    var now: Duration { get }

    /// Wall-clock time, used only to turn an HTTP date (a `Retry-After` header) into a delay.
    var date: Date { get }

    /// Suspends the calling task for `duration`; throws `CancellationError` when it is cancelled.
    func sleep(for duration: Duration) async throws
}
