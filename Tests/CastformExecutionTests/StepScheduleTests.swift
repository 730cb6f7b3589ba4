@testable import CastformExecution
import CastformCore
import CastformPlanning
import Testing

/// Which steps may start, in what order, and what a failure blocks.
@Suite struct StepScheduleTests {
    static func change(_ name: String, depends: [String] = []) -> ResourceChange {
        ResourceChange(address: ResourceAddress(type: "example_thing", name: name), provider: "example", kind: .create,
                       dependencies: depends.map { ResourceAddress(type: "example_thing", name: $0) })
    }

    static func steps(_ plan: Plan) -> [Step] { StepBuilder.steps(for: plan) }

    @Test func stepsStartOnceWhatTheyWaitForIsDoneInTheOrderTheyBecameReady() {
        let plan = Plan(lineage: "l", serial: 0, changes: [Self.change("a"), Self.change("b", depends: ["a"]), Self.change("c")])
        var schedule = StepSchedule(Self.steps(plan))
        #expect(schedule.next()?.address.name == "a")
        #expect(schedule.next()?.address.name == "c")
        #expect(schedule.next() == nil)
        schedule.finish(0, succeeded: true)
        #expect(schedule.next()?.address.name == "b")
    }

    @Test func aFailureBlocksEverythingThatDependsOnItAndNothingElse() {
        let plan = Plan(lineage: "l", serial: 0, changes: [
            Self.change("a"), Self.change("b", depends: ["a"]), Self.change("c", depends: ["b"]), Self.change("d"),
        ])
        var schedule = StepSchedule(Self.steps(plan))
        _ = schedule.next()
        _ = schedule.next()
        schedule.finish(0, succeeded: false)
        #expect(schedule.blocked.mapValues(\.name) == [1: "a", 2: "a"])
        #expect(schedule.next() == nil)
    }
}
