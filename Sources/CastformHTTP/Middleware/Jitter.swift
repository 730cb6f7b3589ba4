/// Spreads out retry delays, so that clients that failed together do not retry together.
///
/// Injected into `RetryPolicy` as a function of the computed backoff, so tests pass `.none` (or
/// a fixed fraction) and assert exact delays, while real runs get randomness.
public struct Jitter: Sendable {
    public let apply: @Sendable (Duration) -> Duration

    public init(_ apply: @escaping @Sendable (Duration) -> Duration) {
        self.apply = apply
    }

    /// The delay unchanged.
    public static let none = Jitter { $0 }

    /// "Equal jitter": half the delay, plus a random part of the other half. Waits at least half
    /// the backoff (unlike full jitter, which may retry at once) while still spreading clients.
    public static let equal = Jitter { delay in
        delay / 2 + delay / 2 * Double.random(in: 0...1)
    }

    /// The delay scaled by `fraction` (e.g. 0.75): deterministic, for tests.
    public static func fixed(_ fraction: Double) -> Jitter {
        Jitter { $0 * fraction }
    }
}
