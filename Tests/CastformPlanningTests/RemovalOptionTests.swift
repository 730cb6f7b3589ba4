import CastformCore
import CastformPlanning
import CastformRendering
import CastformTestSupport
import Foundation
import Testing

/// A type's `on_remove` option (the fake group's `archive | keep`, Mixcloud's `unpublish |
/// unlist | forget`): kept in state at apply, so removing the manifest later does what it
/// last said; `keep` lets go of the object without calling the service.
@Suite struct RemovalOptionTests {
    static let group = ResourceAddress(type: "fake_group", name: "g")

    static func manifest(_ lifecycle: String = "", shape: String = "round") -> String {
        "fake_group:\n  g: {name: group, shape: \(shape)\(lifecycle.isEmpty ? "" : ", lifecycle: {\(lifecycle)}")}\n"
    }

    @Test func removingAResourceMarkedKeepForgetsItAndLeavesTheObject() async throws {
        let harness = try await EngineHarness(Self.manifest("on_remove: keep"))
        try await harness.apply()
        #expect(try await harness.state().resource(Self.group)?.lifecycle == ["on_remove": .string("keep")])

        try harness.write("fake_object:\n  a: {name: alpha}\n")
        let plan = try await harness.plan()
        let change = try #require(plan.change(for: Self.group))
        #expect(change.kind == .forget)
        let text = HumanPlanRenderer(style: TerminalStyle(colour: false)).render(PlanDocument(plan, registry: harness.providers.registry))
        #expect(text.contains("# fake_group.g will be left as it is (castform forgets it): castform will no longer manage it (it is no longer in the manifests)"))
        #expect(text.contains("Plan: 1 to add, 0 to change, 0 to destroy, 1 to forget."))

        #expect(try await harness.execute(plan).succeeded)
        #expect(harness.remote["group"] != nil)
        #expect(!harness.log.contains { $0.hasPrefix("delete") })
        #expect(try await harness.state().resource(Self.group) == nil)
    }

    @Test func withoutTheOptionRemovalArchivesAsBefore() async throws {
        let harness = try await EngineHarness(Self.manifest())
        try await harness.apply()
        try harness.write("fake_object:\n  a: {name: alpha}\n")
        let change = try #require(try await harness.plan().change(for: Self.group))
        #expect(change.kind == .delete)
        #expect(change.note == "archived")
    }

    @Test func changingOnlyTheOptionIsRecordedInStateWithoutCallingTheService() async throws {
        let harness = try await EngineHarness(Self.manifest())
        try await harness.apply()
        try harness.write(Self.manifest("on_remove: keep"))
        let plan = try await harness.plan()
        let change = try #require(plan.change(for: Self.group))
        #expect(change.kind == .update)
        #expect(change.changedAttributes == ["lifecycle.on_remove"])
        let text = HumanPlanRenderer(style: TerminalStyle(colour: false)).render(PlanDocument(plan, registry: harness.providers.registry))
        #expect(text.contains("~ lifecycle.on_remove = \"archive\" -> \"keep\" (recorded in state only)"))

        let calls = harness.log.count
        #expect(try await harness.execute(plan).succeeded)
        #expect(harness.log.count == calls, "\(harness.log.suffix(from: calls))")
        #expect(try await harness.state().resource(Self.group)?.lifecycle == ["on_remove": .string("keep")])
        #expect(try await harness.plan().effectiveChanges.isEmpty)

        // Now the manifest can go, and the group stays.
        try harness.write("")
        #expect(try await harness.plan().change(for: Self.group)?.kind == .forget)
    }

    @Test func aReplacementUnderKeepLeavesTheOldObjectInPlace() async throws {
        let harness = try await EngineHarness(Self.manifest("on_remove: keep"))
        try await harness.apply()
        try harness.write(Self.manifest("on_remove: keep", shape: "square"))
        let plan = try await harness.plan()
        let change = try #require(plan.change(for: Self.group))
        #expect(change.kind == .replaceCreateFirst)
        #expect(change.note == "the old object will be left as it is (castform forgets it)")
        let summary = try await harness.execute(plan)
        #expect(summary.succeeded)
        // Reported as what it is: forgotten, not destroyed.
        #expect(summary.completed.map(\.action.description) == ["create", "forget (replaced object)"])
        #expect(harness.store.read().objects.values.filter { $0.attributes["name"] == .string("group") }.count == 2)
        #expect(!harness.log.contains { $0.hasPrefix("delete") })
        #expect(try await harness.state().resource(Self.group)?.deposed == nil)
        #expect(try await harness.plan().effectiveChanges.isEmpty)
    }

    /// `plan -out` then `apply FILE`: a saved plan that forgets is as good as one that deletes.
    @Test func aSavedPlanThatForgetsStillHolds() async throws {
        let harness = try await EngineHarness(Self.manifest("on_remove: keep"))
        try await harness.apply()
        try harness.write("fake_object:\n  a: {name: alpha}\n")
        let plan = try await harness.plan()
        let verifier = PlanVerifier(providers: harness.providers, environment: harness.environment)
        #expect(verifier.verify(plan, workspace: try harness.workspace(), state: try await harness.state()) == [])

        try harness.write("fake_object:\n  a: {name: alpha}\n" + Self.manifest("on_remove: keep"))
        #expect(verifier.verify(plan, workspace: try harness.workspace(), state: try await harness.state()) == ["fake_group.g is declared again"])
    }
}
