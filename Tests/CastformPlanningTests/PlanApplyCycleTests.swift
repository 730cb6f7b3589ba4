import CastformCore
import CastformExecution
import CastformPlanning
import CastformState
import CastformTestSupport
import Testing

/// plan → apply → plan: the workflow users rely on, with every kind of attribute.
@Suite struct PlanApplyCycleTests {
    static let everything = """
        data:
          fake_lookup:
            k: {key: alpha}
        fake_object:
          a:
            name: alpha
            size: 3
            ratio: 2
            enabled: true
            tags: [One, two]
            labels: {team: radio}
            config: {mode: fast, level: 2}
            note: "  padded  "
            secret: ${env.FAKE_SECRET}
            kind: small
          b:
            name: beta
            parent_id: ${fake_object.a.id}
            note: ${data.fake_lookup.k.value}
        fake_group:
          g:
            name: group
            members: ["${fake_object.b.id}"]
            shape: round
        """

    @Test func afterApplyThePlanHasNoChangesForAnyKindOfAttribute() async throws {
        let harness = try await EngineHarness(Self.everything)
        let first = try await harness.apply()
        #expect(first.succeeded)
        #expect(first.completed.filter { $0.action == .create }.count == 3)
        let plan = try await harness.plan()
        #expect(!plan.hasChanges, "\(plan.effectiveChanges.map { "\($0.address) \($0.changedAttributes)" })")
        #expect(plan.effectiveChanges.isEmpty)
        // References were resolved at apply time, to the ids just created.
        let remote = harness.remote
        #expect(remote["beta"]?.attributes["parent_id"] == .string(remote["alpha"]!.id))
        #expect(remote["group"]?.attributes["members"] == .list([.string(remote["beta"]!.id)]))
        #expect(remote["beta"]?.attributes["note"] == .string("value-of-alpha"))
    }

    @Test func normalisedDifferencesAreNotChanges() async throws {
        let harness = try await EngineHarness(Self.everything)
        try await harness.apply()
        // Tag order and case, surrounding whitespace, 2 vs 2.0: the same to the service.
        try harness.write(Self.everything
            .replacingOccurrences(of: "tags: [One, two]", with: "tags: [TWO, one]")
            .replacingOccurrences(of: "note: \"  padded  \"", with: "note: padded")
            .replacingOccurrences(of: "ratio: 2", with: "ratio: 2.0"))
        #expect(try await harness.plan().effectiveChanges.isEmpty)
    }

    @Test func eachChangePlansTheRightAction() async throws {
        let harness = try await EngineHarness(Self.everything)
        try await harness.apply()
        try harness.write(Self.everything
            .replacingOccurrences(of: "size: 3", with: "size: 4")
            .replacingOccurrences(of: "shape: round", with: "shape: square")
            .replacingOccurrences(of: "kind: small", with: "kind: large"))
        let plan = try await harness.plan()
        let kinds = Dictionary(uniqueKeysWithValues: plan.effectiveChanges.map { ($0.address.description, $0.kind) })
        #expect(kinds["fake_object.a"] == .replaceDestroyFirst)
        #expect(plan.change(for: ResourceAddress(type: "fake_object", name: "a"))?.replacedBecause == ["kind"])
        #expect(kinds["fake_object.b"] == .update)  // its parent_id will change with a's replacement
        #expect(kinds["fake_group.g"] == .replaceCreateFirst)
        let summary = try await harness.execute(plan)
        #expect(summary.succeeded)
        #expect(harness.remote.count == 3)
        #expect(try await harness.plan().effectiveChanges.isEmpty)
    }

    @Test func aSecretChangeIsDetectedThroughItsHash() async throws {
        let harness = try await EngineHarness(Self.everything)
        try await harness.apply()
        harness.environment["FAKE_SECRET"] = "correct horse"
        let plan = try await harness.plan()
        let change = try #require(plan.change(for: ResourceAddress(type: "fake_object", name: "a")))
        #expect(change.kind == .update)
        #expect(change.changedAttributes == ["secret"])
        let state = try await harness.state()
        #expect(!"\(state)".contains("hunter2"))
    }

    @Test func removingAResourceDeletesItAndDependentsGoFirst() async throws {
        let harness = try await EngineHarness(Self.everything)
        try await harness.apply()
        try harness.write("fake_object:\n  a: {name: alpha, kind: small}\n")
        let plan = try await harness.plan()
        #expect(Set(plan.effectiveChanges.filter { $0.kind == .delete }.map(\.address.name)) == ["b", "g"])
        let summary = try await harness.execute(plan)
        #expect(summary.succeeded)
        let deletes = harness.log.filter { $0.hasPrefix("delete") }
        #expect(deletes == ["delete fake_group group", "delete fake_object beta"])
    }

    @Test func preventDestroyStopsAPlanThatWouldDestroy() async throws {
        let harness = try await EngineHarness("fake_object:\n  a: {name: alpha, kind: small, lifecycle: {prevent_destroy: true}}\n")
        try await harness.apply()
        try harness.write("fake_object:\n  a: {name: alpha, kind: large, lifecycle: {prevent_destroy: true}}\n")
        let result = try await harness.planResult()
        #expect(result.plan == nil)
        #expect(result.diagnostics.map(\.message) == [
            "fake_object.a has lifecycle.prevent_destroy set, but this plan would replace it (kind cannot change in place); remove prevent_destroy to allow it",
        ])
    }

    @Test func ignoreChangesLeavesAnAttributeAlone() async throws {
        let harness = try await EngineHarness("fake_object:\n  a: {name: alpha, size: 1, lifecycle: {ignore_changes: [size]}}\n")
        try await harness.apply()
        try harness.write("fake_object:\n  a: {name: alpha, size: 2, lifecycle: {ignore_changes: [size]}}\n")
        #expect(try await harness.plan().effectiveChanges.isEmpty)
    }

    @Test func targetLimitsThePlanToTheAddressAndItsDependencies() async throws {
        let harness = try await EngineHarness(Self.everything)
        let plan = try await harness.plan(PlanOptions(targets: [ResourceAddress(type: "fake_object", name: "b")]))
        #expect(Set(plan.changes.map(\.address.description)) == ["fake_object.a", "fake_object.b", "data.fake_lookup.k"])
    }

    @Test func refreshFalseTrustsTheStateAndMakesNoReads() async throws {
        let harness = try await EngineHarness(Self.everything)
        try await harness.apply()
        let before = harness.log.count
        let plan = try await harness.plan(PlanOptions(refresh: false))
        #expect(plan.effectiveChanges.isEmpty)
        #expect(harness.log[before...].allSatisfy { !$0.hasPrefix("list") })
    }

    @Test func refreshReadsInBatchesNotOneByOne() async throws {
        var manifest = "fake_object:\n"
        for index in 0..<250 { manifest += "  o\(index): {name: object-\(index)}\n" }
        let harness = try await EngineHarness(manifest)
        try await harness.apply(parallelism: 16)
        let before = harness.log.count
        let plan = try await harness.plan()
        #expect(plan.refreshRequests == 3)
        #expect(harness.log[before...].filter { $0.hasPrefix("list") } == ["list fake_object (3 pages)"])
    }

    @Test func driftIsReportedForManagedAttributes() async throws {
        let harness = try await EngineHarness("fake_object:\n  a: {name: alpha, size: 1}\n")
        try await harness.apply()
        harness.store.withContents { contents in
            let id = contents.objects.keys.first!
            contents.objects[id]!.attributes["size"] = .int(9)
        }
        let plan = try await harness.plan()
        #expect(plan.drift.map(\.changedAttributes) == [["size"]])
        #expect(plan.effectiveChanges.map(\.changedAttributes) == [["size"]])
    }

    @Test func aDifferenceTheSchemaNormalisesAwayIsNotDrift() async throws {
        let harness = try await EngineHarness("fake_object:\n  a: {name: alpha, tags: [One, two], note: padded}\n")
        try await harness.apply()
        harness.store.withContents { contents in
            let id = contents.objects.keys.first!
            contents.objects[id]!.attributes["tags"] = .list([.string("TWO"), .string("one")])
            contents.objects[id]!.attributes["note"] = .string("  padded\n")
        }
        let plan = try await harness.plan()
        #expect(plan.drift.isEmpty, "\(plan.drift.map(\.changedAttributes))")
        #expect(plan.effectiveChanges.isEmpty)
    }
}
