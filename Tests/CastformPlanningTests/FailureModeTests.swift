import CastformCore
import CastformExecution
import CastformPlanning
import CastformState
import CastformTestSupport
import Foundation
import Testing

/// What happens when things go wrong: partial failures, interruptions, lost answers.
@Suite struct FailureModeTests {
    static let chain = """
        fake_object:
          alpha: {name: alpha}
          beta: {name: beta}
          gamma: {name: gamma, parent_id: "${fake_object.beta.id}"}
          delta: {name: delta}
        """

    @Test func aFailureSkipsDependentsAndLetsIndependentWorkFinish() async throws {
        let harness = try await EngineHarness(Self.chain)
        harness.faults.failing = ["beta"]
        let summary = try await harness.apply()
        #expect(!summary.succeeded)
        #expect(summary.failed.map(\.address.name) == ["beta"])
        #expect(summary.failed.first?.diagnostics.first?.message == "fake_object.beta: the fake service refused to create \"beta\" (HTTP 422)")
        #expect(summary.skipped.map(\.address.name) == ["gamma"])
        #expect(summary.skipped.first?.because.name == "beta")
        #expect(Set(summary.completed.map(\.address.name)) == ["alpha", "delta"])
        // State holds exactly what was done; nothing of the failed create is left behind.
        #expect(try await harness.state().resources.map(\.address.name) == ["alpha", "delta"])
        harness.faults.failing = []
        #expect(try await harness.apply().succeeded)
        #expect(harness.remote.count == 4)
    }

    @Test func anInterruptedApplyKeepsWhatItDidAndTheNextRunConverges() async throws {
        let harness = try await EngineHarness(Self.chain)
        let flag = CancellationFlag()
        // The signal arrives while the first operation runs; with one operation at a time
        // nothing else may start after it.
        harness.faults.latency = .milliseconds(20)
        let stopper = Task {
            while harness.events.all.isEmpty { try await Task.sleep(for: .milliseconds(1)) }
            flag.set()
        }
        let summary = try await harness.apply(parallelism: 1, cancellation: flag)
        _ = try await stopper.value
        #expect(summary.interrupted)
        #expect(summary.completed.count == 1)
        #expect(summary.notStarted.count == 3)
        #expect(try await harness.state().resources.count == 1)
        #expect(try await harness.apply().succeeded)
        #expect(harness.remote.count == 4)
        #expect(harness.log.filter { $0.hasPrefix("create") }.count == 4)
    }

    @Test func aLostAnswerIsRecordedAsPendingAndAdoptedNotCreatedTwice() async throws {
        let harness = try await EngineHarness(Self.chain)
        harness.faults.losingResponses = ["alpha"]
        let first = try await harness.apply()
        #expect(first.failed.map(\.address.name) == ["alpha"])
        let pending = try #require(try await harness.state().resource(ResourceAddress(type: "fake_object", name: "alpha")))
        #expect(pending.id == nil)
        #expect(pending.pending?.kind == .create)

        harness.faults.losingResponses = []
        let plan = try await harness.plan()
        let change = try #require(plan.change(for: ResourceAddress(type: "fake_object", name: "alpha")))
        #expect(change.kind == .noOp)
        #expect(change.actionReason == .adoptAfterLostResponse)
        #expect(try await harness.execute(plan).succeeded)
        #expect(harness.log.filter { $0 == "create fake_object alpha" }.count == 1)
        let adopted = try await harness.state().resource(ResourceAddress(type: "fake_object", name: "alpha"))
        #expect(adopted?.id == harness.remote["alpha"]?.id)
        #expect(adopted?.pending == nil)
        #expect(try await harness.plan().effectiveChanges.isEmpty)
    }

    @Test func anAdoptedObjectThatAlsoNeedsChangesIsAdoptedThenUpdated() async throws {
        let harness = try await EngineHarness("fake_object:\n  alpha: {name: alpha, size: 1}\n")
        harness.faults.losingResponses = ["alpha"]
        #expect(!(try await harness.apply().succeeded))
        harness.faults.losingResponses = []
        try harness.write("fake_object:\n  alpha: {name: alpha, size: 2}\n")
        let plan = try await harness.plan()
        let change = try #require(plan.change(for: ResourceAddress(type: "fake_object", name: "alpha")))
        #expect(change.kind == .update)
        #expect(change.actionReason == .adoptAfterLostResponse)
        let summary = try await harness.execute(plan)
        #expect(summary.succeeded, "\(summary.failed.map(\.diagnostics))")
        #expect(summary.completed.map(\.action) == [.adopt, .update])
        #expect(harness.log.filter { $0 == "create fake_object alpha" }.count == 1)
        #expect(harness.remote["alpha"]?.attributes["size"] == .int(2))
        #expect(try await harness.plan().effectiveChanges.isEmpty)
    }

    @Test func aPendingCreateThatNeverHappenedIsCreatedAgain() async throws {
        let harness = try await EngineHarness("fake_object:\n  alpha: {name: alpha}\n")
        var state = try await harness.state()
        state.apply(.put(ResourceState(address: ResourceAddress(type: "fake_object", name: "alpha"), provider: "fake", id: nil,
                                       pending: PendingOperation(kind: .create))))
        try await harness.backend.persist(state)
        let plan = try await harness.plan()
        #expect(plan.change(for: ResourceAddress(type: "fake_object", name: "alpha"))?.kind == .create)
        #expect(try await harness.execute(plan).succeeded)
        #expect(harness.remote.count == 1)
    }

    @Test func flakyOperationsSucceedOnTheNextApply() async throws {
        let harness = try await EngineHarness("fake_object:\n  alpha: {name: alpha}\n")
        harness.faults.flaky = ["alpha": 1]
        #expect(!(try await harness.apply().succeeded))
        #expect(try await harness.apply().succeeded)
        #expect(harness.remote.count == 1)
    }

    @Test func progressReachesTheObserver() async throws {
        let harness = try await EngineHarness("fake_object:\n  alpha: {name: alpha}\n")
        harness.faults.progressSteps = 4
        try await harness.apply()
        let progress = harness.events.all.compactMap { event -> TransferProgress? in
            if case .progress(_, let value) = event { return value }
            return nil
        }
        #expect(progress.map(\.completed) == [1000, 2000, 3000, 4000])
    }
}
