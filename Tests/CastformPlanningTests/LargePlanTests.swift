import CastformCore
import CastformPlanning
import Testing

/// A plan of hundreds of objects is planned in batches side by side (objects that do not
/// depend on each other); it must be the plan one object after another makes: changes in
/// dependency order, each dependent seeing its dependencies' values, problems in order.
@Suite struct LargePlanTests {
    /// `count` independent objects, then a dependent of every 50th, then one object that
    /// reads a data source: three batches and a data source between them.
    static func manifest(count: Int, kind: (Int) -> String = { _ in "small" }, guarded: Set<Int> = []) -> String {
        var text = "data:\n  fake_lookup:\n    k: {key: alpha}\nfake_object:\n"
        for index in 0..<count {
            let lifecycle = guarded.contains(index) ? ", lifecycle: {prevent_destroy: true}" : ""
            text += "  o\(index): {name: o\(index), size: \(index), kind: \(kind(index))\(lifecycle)}\n"
        }
        for index in stride(from: 0, to: count, by: 50) {
            text += "  d\(index): {name: d\(index), parent_id: \"${fake_object.o\(index).id}\"}\n"
        }
        text += "  last: {name: last, note: \"${data.fake_lookup.k.value}\", parent_id: \"${fake_object.d0.id}\"}\n"
        return text
    }

    @Test func changesFollowTheDependencyOrderAndDependentsSeeTheirDependencies() async throws {
        let harness = try await EngineHarness(Self.manifest(count: 300))
        let plan = try await harness.plan()
        let order = WorkOrder(try harness.workspace()).topological()
        #expect(plan.changes.map(\.address) == order)
        #expect(plan.changes.filter { $0.kind == .create }.count == 300 + 6 + 1)
        #expect(try await harness.execute(plan).succeeded)
        let remote = harness.remote
        for index in stride(from: 0, to: 300, by: 50) {
            #expect(remote["d\(index)"]?.attributes["parent_id"] == .string(remote["o\(index)"]!.id))
        }
        #expect(remote["last"]?.attributes["note"] == .string("value-of-alpha"))
        #expect(remote["last"]?.attributes["parent_id"] == .string(remote["d0"]!.id))
        #expect(try await harness.plan().effectiveChanges.isEmpty)
    }

    @Test func editsAmongHundredsAreExactlyTheChangesAndProblemsComeInOrder() async throws {
        let guarded: Set<Int> = [5, 250]
        let harness = try await EngineHarness(Self.manifest(count: 300, guarded: guarded))
        #expect(try await harness.apply().succeeded)
        // Every 7th object changes kind, which cannot change in place: a replacement.
        try harness.write(Self.manifest(count: 300, kind: { $0 % 7 == 0 ? "large" : "small" }, guarded: [5, 7, 250, 252]))
        let result = try await harness.planResult()
        let replaced = Set(stride(from: 0, to: 300, by: 7).map { "fake_object.o\($0)" })
        #expect(result.diagnostics.map(\.message) == [
            "fake_object.o7 has lifecycle.prevent_destroy set, but this plan would replace it (kind cannot change in place); remove prevent_destroy to allow it",
            "fake_object.o252 has lifecycle.prevent_destroy set, but this plan would replace it (kind cannot change in place); remove prevent_destroy to allow it",
        ])
        try harness.write(Self.manifest(count: 300, kind: { $0 % 7 == 0 ? "large" : "small" }))
        let plan = try await harness.plan()
        #expect(Set(plan.effectiveChanges.filter { $0.kind.isReplace }.map(\.address.description)) == replaced)
        // A dependent of a replaced object is updated to its new id.
        #expect(plan.change(for: ResourceAddress(type: "fake_object", name: "d0"))?.kind == .update)
        #expect(plan.change(for: ResourceAddress(type: "fake_object", name: "d50"))?.kind == .noOp)
    }
}
