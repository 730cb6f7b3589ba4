import Foundation

/// Misbehaviour to inject, by object name: slow, failing, flaky and lost-response operations.
public struct FakeFaults: Sendable {
    /// Added to every request.
    public var latency: Duration = .zero
    /// Creates and updates of objects with these names fail (the service says no).
    public var failing: Set<String> = []
    /// Creates of these names happen, but the answer is lost (as after a timeout).
    public var losingResponses: Set<String> = []
    /// Operations on these names fail this many times before they succeed.
    public var flaky: [String: Int] = [:]
    /// Creates report upload progress in this many steps.
    public var progressSteps = 0
    /// What the latency waits on.
    public var clock: any Clock<Duration> = ContinuousClock()

    public init() {}

    /// Read from the environment, for the test bed: CASTFORM_FAKE_LATENCY_MS, CASTFORM_FAKE_FAIL,
    /// CASTFORM_FAKE_LOSE (comma-separated names), CASTFORM_FAKE_PROGRESS_STEPS.
    public init(environment: [String: String]) {
        if let ms = environment["CASTFORM_FAKE_LATENCY_MS"].flatMap(Int.init) { latency = .milliseconds(ms) }
        failing = Set((environment["CASTFORM_FAKE_FAIL"] ?? "").split(separator: ",").map(String.init))
        losingResponses = Set((environment["CASTFORM_FAKE_LOSE"] ?? "").split(separator: ",").map(String.init))
        progressSteps = environment["CASTFORM_FAKE_PROGRESS_STEPS"].flatMap(Int.init) ?? 0
    }
}
