import CastformCore
import CastformManifest
import CastformPlanning
import CastformState
import CastformTestSupport
import Testing

/// `moved`: a renamed resource keeps its object; nothing is removed and made again.
@Suite struct MovedTests {
    static func object(_ name: String, _ key: String? = nil) -> ResourceAddress {
        ResourceAddress(type: "fake_object", name: name, key: key)
    }

    @Test func aRenameMovesStateInsteadOfReplacingTheObject() async throws {
        let harness = try await EngineHarness("fake_object:\n  old: {name: show}\n")
        #expect(try await harness.apply().succeeded)
        let id = try await harness.state().resource(Self.object("old"))?.id
        try harness.write("""
            fake_object:
              new: {name: show}
            moved:
              - {from: fake_object.old, to: fake_object.new}
            """)
        let plan = try await harness.plan()
        #expect(plan.changes.map { "\($0.address) \($0.kind) from \($0.previousAddress?.description ?? "-")" }
                == ["fake_object.new noOp from fake_object.old"])
        #expect(plan.hasChanges)
        let document = PlanDocument(plan, registry: harness.providers.registry)
        #expect(document.resourceChanges.first?.previousAddress == "fake_object.old")

        let calls = harness.log.count
        #expect(try await harness.execute(plan).succeeded)
        #expect(harness.log.count == calls, "a move calls no service: \(harness.log.dropFirst(calls))")
        let state = try await harness.state()
        #expect(state.resource(Self.object("new"))?.id == id)
        #expect(state.resource(Self.object("old")) == nil)
        #expect(try await !harness.plan().hasChanges)
    }

    @Test func aResourceMovesIntoAForEachInstanceAndChangesThere() async throws {
        let harness = try await EngineHarness("fake_object:\n  main: {name: main, size: 1}\n")
        #expect(try await harness.apply().succeeded)
        try harness.write("""
            fake_object:
              stage:
                for_each: {main: 2, side: 3}
                name: ${each.key}
                size: ${each.value}
            moved:
              - {from: fake_object.main, to: 'fake_object.stage["main"]'}
            """)
        let plan = try await harness.plan()
        #expect(plan.effectiveChanges.map { "\($0.address) \($0.kind) \($0.previousAddress?.description ?? "-")" }
                == [#"fake_object.stage["main"] update fake_object.main"#, #"fake_object.stage["side"] create -"#])
        #expect(try await harness.execute(plan).succeeded)
        #expect(!harness.log.contains { $0.hasPrefix("delete") })
        #expect(harness.remote["main"]?.attributes["size"] == .int(2))
        #expect(try await !harness.plan().hasChanges)
    }

    @Test func aMoveOntoAnAddressStateHoldsIsAnError() async throws {
        let harness = try await EngineHarness("fake_object:\n  a: {name: a}\n  b: {name: b}\n")
        #expect(try await harness.apply().succeeded)
        try harness.write("""
            fake_object:
              b: {name: b}
            moved:
              - {from: fake_object.a, to: fake_object.b}
            """)
        let result = try await harness.planResult()
        #expect(result.plan == nil)
        #expect(result.diagnostics.map(\.manifestProblem) == [.moved(.targetExists(from: Self.object("a"), to: Self.object("b")))])
        #expect(result.diagnostics.first?.location?.line == 4)
    }

    @Test func aMoveAlreadyCarriedOutIsNothing() async throws {
        let harness = try await EngineHarness("""
            fake_object:
              new: {name: show}
            moved:
              - {from: fake_object.old, to: fake_object.new}
            """)
        #expect(try await harness.apply().succeeded)
        #expect(try await !harness.plan().hasChanges)
    }
}

/// Data sources: read once, while planning; their values go to state with the apply.
@Suite struct DataSourceStateTests {
    @Test func aSavedPlanAppliesWithTheValuesItShowedAndStateKeepsThem() async throws {
        let harness = try await EngineHarness("""
            data:
              fake_lookup:
                shows: {key: shows}
            fake_object:
              show:
                name: show
                tags: ${data.fake_lookup.shows.items}
                note: ${data.fake_lookup.shows.items[1]}
            """)
        harness.store.withContents { $0.data = ["shows": .list([.string("deep"), .string("soul")])] }
        let plan = try await harness.plan()
        // The data change after planning: the apply does not read again.
        harness.store.withContents { $0.data = ["shows": .list([.string("other")])] }
        #expect(try await harness.execute(plan).succeeded)
        #expect(harness.log.filter { $0.hasPrefix("read") }.count == 1)
        #expect(harness.remote["show"]?.attributes["tags"] == .list([.string("deep"), .string("soul")]))
        #expect(harness.remote["show"]?.attributes["note"] == .string("soul"))
        let data = try await harness.state().resource(ResourceAddress(.data, type: "fake_lookup", name: "shows"))
        #expect(data?.attributes["items"] == .list([.string("deep"), .string("soul")]))
    }
}
