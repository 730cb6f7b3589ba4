import Foundation
import Synchronization

/// Misbehaviour an emulator injects, to test castform against a service on a bad day.
///
/// Each request, with probability `rate`, gets one of `faults` (picked in turn); a seeded
/// generator makes a run repeatable. `only` limits faults to some routes ("POST /stream").
public struct FaultPlan: Sendable, Codable {
    public enum Fault: Sendable, Codable, Hashable {
        /// An HTTP status with the service's usual body for it, and `Retry-After` seconds.
        case status(Int, retryAfter: Int?)
        /// The service's own rate-limit answer (Mixcloud: 403 with `RateLimitException`).
        case rateLimit(retryAfter: Int)
        /// Handle the request (the create happens), then close the connection unanswered.
        case dropAfterHandling
        /// Close the connection without handling the request: nothing happens, and the
        /// client cannot tell that from a lost answer.
        case dropBeforeHandling
    }

    /// Added to every request before it is handled.
    public var latency: Duration = .zero
    public var rate: Double = 0
    public var faults: [Fault] = []
    /// When set, faults apply only to requests whose "METHOD /path" starts with one of these.
    public var only: [String] = []
    /// Upload bodies are read no faster than this (bytes per second), when set.
    public var uploadBytesPerSecond: Int?
    public var seed: UInt64 = 42

    public init(latency: Duration = .zero, rate: Double = 0, faults: [Fault] = [], only: [String] = [],
                uploadBytesPerSecond: Int? = nil, seed: UInt64 = 42) {
        self.latency = latency
        self.rate = rate
        self.faults = faults
        self.only = only
        self.uploadBytesPerSecond = uploadBytesPerSecond
        self.seed = seed
    }
}

/// Draws faults from a plan; the plan can be changed while the server runs. A `Mutex` guards
/// the plan and the generator: every request draws, and a draw is too small for an actor hop.
public final class FaultInjector: Sendable {
    private struct State {
        var plan: FaultPlan
        var random: SplitMix64
        var next = 0
    }

    private let state: Mutex<State>

    public init(_ plan: FaultPlan) {
        state = Mutex(State(plan: plan, random: SplitMix64(seed: plan.seed)))
    }

    public var current: FaultPlan {
        state.withLock { $0.plan }
    }

    public func update(_ plan: FaultPlan) {
        state.withLock { $0 = State(plan: plan, random: SplitMix64(seed: plan.seed)) }
    }

    /// The fault for this request, if any.
    func draw(method: String, path: String) -> FaultPlan.Fault? {
        state.withLock { state in
            let plan = state.plan
            guard !plan.faults.isEmpty, plan.rate > 0 else { return nil }
            let key = "\(method) \(path)"
            guard plan.only.isEmpty || plan.only.contains(where: { key.hasPrefix($0) }) else { return nil }
            guard Double(state.random.next() % 1_000_000) / 1_000_000 < plan.rate else { return nil }
            defer { state.next += 1 }
            return plan.faults[state.next % plan.faults.count]
        }
    }
}

/// A small, fast, seedable generator (SplitMix64), so fault runs are repeatable.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
