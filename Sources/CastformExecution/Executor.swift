import CastformCore
import CastformPlanning
import CastformState
import Foundation

/// Applies a plan: every step once its dependencies are done, at most `parallelism` at a
/// time, state recorded after each. A failed step skips what depends on it and lets
/// independent work finish. A signal stops new work; work in flight gets `stopGrace` to
/// finish and is then cancelled (a 4 GiB upload must not hold a Ctrl-C for an hour), each
/// provider saying what it knows of the cancelled operation.
///
/// The steps themselves are in `Executor+Steps.swift`, one function per action.
public struct Executor: Sendable {
    public var providers: ProviderSet
    /// The manifests' values, evaluated when each step runs.
    public var declared: DeclaredValues
    public var parallelism: Int
    public var observer: any ExecutionObserver
    public var cancellation: CancellationFlag
    /// How long operations in flight may go on after a signal before they are cancelled.
    public var stopGrace: Duration = .milliseconds(500)
    /// Every wait of the executor goes through it (tests pass their own).
    public var clock: any Clock<Duration> = ContinuousClock()

    public init(providers: ProviderSet, declared: DeclaredValues, parallelism: Int = 4,
                observer: any ExecutionObserver, cancellation: CancellationFlag = CancellationFlag()) {
        self.providers = providers
        self.declared = declared
        self.parallelism = max(1, parallelism)
        self.observer = observer
        self.cancellation = cancellation
    }

    /// What finished in the task group: a step, or the signal watcher.
    private enum Completion: Sendable {
        case step(Int, StepResult)
        case stopRequested
    }

    enum StepResult: Sendable {
        case done
        case failed([Diagnostic])

        var succeeded: Bool {
            if case .done = self { return true }
            return false
        }
    }

    public func apply(_ plan: Plan, state: StateSnapshot, backend: any StateBackend) async -> ExecutionSummary {
        let recorder = StateRecorder(snapshot: state, backend: backend, stop: cancellation)
        let steps = StepBuilder.steps(for: plan) { [providers] change in
            providers.schema(for: change.address)?.removal(change.lifecycle).forgets ?? false
        }
        let live = LiveValues()
        await recordReads(plan, recorder: recorder, live: live)
        var schedule = StepSchedule(steps)
        var summary = ExecutionSummary(state: state)

        await withTaskGroup(of: Completion.self) { group in
            group.addTask { await stopWatcher() }
            var running = 0
            func launch() {
                while running < parallelism, !cancellation.isSet, let step = schedule.next() {
                    running += 1
                    group.addTask { .step(step.id, await run(step, recorder: recorder, live: live)) }
                }
                // Nothing in flight and nothing startable: only the watcher is left; end it.
                if running == 0 { group.cancelAll() }
            }
            launch()
            while let completion = await group.next() {
                if case .step(let id, let result) = completion {
                    running -= 1
                    summary.record(steps[id], result)
                    schedule.finish(id, succeeded: result.succeeded)
                } else {
                    group.cancelAll()
                }
                if cancellation.isSet, !summary.interrupted {
                    summary.interrupted = true
                    observer.handle(.stopping)
                }
                launch()
            }
        }
        await finish(steps, schedule: schedule, summary: &summary, recorder: recorder)
        return summary
    }

    /// Steps skipped or never started, then state persisted and the summary completed.
    private func finish(_ steps: [Step], schedule: StepSchedule, summary: inout ExecutionSummary, recorder: StateRecorder) async {
        for step in steps {
            if let cause = schedule.blocked[step.id] {
                summary.skipped.append((step.address, step.action, cause))
                observer.handle(.skipped(step.address, step.action, because: cause))
            } else if !schedule.finished.contains(step.id) {
                summary.notStarted.append((step.address, step.action))
                summary.interrupted = summary.interrupted || cancellation.isSet
            }
        }
        await recorder.persist()
        summary.state = await recorder.snapshot
        summary.stateErrors = await recorder.errors
    }

    /// Waits for a signal, then for the grace that operations in flight get; then the
    /// executor cancels them. Cancelled itself when the apply ends first.
    private func stopWatcher() async -> Completion {
        await cancellation.wait()
        if !Task.isCancelled { try? await clock.sleep(for: stopGrace) }
        return .stopRequested
    }

    private func run(_ step: Step, recorder: StateRecorder, live: LiveValues) async -> StepResult {
        let started = ContinuousClock.now
        observer.handle(.started(step.address, step.action))
        let result = await perform(step, recorder: recorder, live: live)
        switch result {
        case .done:
            let id = await recorder.resource(step.address)?.id
            observer.handle(.finished(step.address, step.action, elapsed: ContinuousClock.now - started, id: id))
        case .failed(let diagnostics):
            observer.handle(.failed(step.address, step.action, diagnostics))
        }
        return result
    }
}

/// Values produced during this run, in clear (state only has hashes of secrets).
actor LiveValues {
    private var values: [ResourceAddress: [String: Value]] = [:]

    func set(_ address: ResourceAddress, _ attributes: [String: Value]) {
        values[address] = attributes
    }

    func get(_ address: ResourceAddress) -> [String: Value]? {
        values[address]
    }
}
