import CastformCore
import CastformManifest
import CastformPlanning
import CastformState
import CastformTestSupport
import Testing

/// `for_each`: one object per key, from a collection written in the manifest or read from a
/// data source; instances come and go with their keys.
@Suite struct ForEachTests {
    static func object(_ name: String, _ key: String? = nil) -> ResourceAddress {
        ResourceAddress(type: "fake_object", name: name, key: key)
    }

    @Test func aMapMakesOneObjectPerKeyAndRemovingAKeyRemovesOnlyItsObject() async throws {
        let harness = try await EngineHarness("""
            fake_object:
              room:
                for_each: {north: 3, south: 5}
                name: room-${each.key}
                size: ${each.value}
            """)
        let plan = try await harness.plan()
        #expect(plan.changes.map(\.address.description) == [#"fake_object.room["north"]"#, #"fake_object.room["south"]"#])
        #expect(try await harness.apply().succeeded)
        #expect(harness.remote["room-south"]?.attributes["size"] == .int(5))
        #expect(try await !harness.plan().hasChanges)

        try harness.write("""
            fake_object:
              room:
                for_each: {north: 3}
                name: room-${each.key}
                size: ${each.value}
            """)
        let removal = try await harness.plan().effectiveChanges
        #expect(removal.map(\.address) == [Self.object("room", "south")])
        #expect(removal.first?.kind == .delete)
        #expect(removal.first?.actionReason == .deleteBecauseEachKey)
        #expect(try await harness.apply().succeeded)
        #expect(harness.remote["room-south"] == nil && harness.remote["room-north"] != nil)
    }

    @Test func aListOfStringsIsKeyedByTheStrings() async throws {
        let harness = try await EngineHarness("""
            fake_object:
              tag:
                for_each: [jazz, soul]
                name: ${each.value}
                note: key ${each.key}
            """)
        #expect(try await harness.apply().succeeded)
        #expect(harness.remote["soul"]?.attributes["note"] == .string("key soul"))
        #expect(try await harness.state().resource(Self.object("tag", "jazz"))?.id != nil)
    }

    @Test func aDataSourcesListOfObjectsIsKeyedByIdAndFollowsTheData() async throws {
        let harness = try await EngineHarness("""
            data:
              fake_lookup:
                shows: {key: shows}
            fake_object:
              show:
                for_each: ${data.fake_lookup.shows.items}
                name: ${each.value.title}
                size: ${each.value.minutes}
            """)
        harness.store.withContents { $0.data = ["shows": .list([
            .object(["id": .string("s1"), "title": .string("Monday"), "minutes": .int(60)]),
            .object(["id": .string("s2"), "title": .string("Friday"), "minutes": .int(90)]),
        ])] }
        #expect(try await harness.apply().succeeded)
        #expect(harness.remote["Friday"]?.attributes["size"] == .int(90))

        harness.store.withContents { $0.data = ["shows": .list([
            .object(["id": .string("s2"), "title": .string("Friday"), "minutes": .int(90)]),
            .object(["id": .string("s3"), "title": .string("Sunday"), "minutes": .int(30)]),
        ])] }
        let plan = try await harness.plan()
        #expect(plan.effectiveChanges.map { "\($0.address) \($0.kind)" }
                == [#"fake_object.show["s3"] create"#, #"fake_object.show["s1"] delete"#])
        #expect(try await harness.apply().succeeded)
        #expect(Set(harness.remote.keys) == ["Friday", "Sunday"])
    }

    @Test func forEachKeyKeysObjectsByAnotherAttribute() async throws {
        let harness = try await EngineHarness("""
            fake_object:
              stage:
                for_each: [{slug: north, title: North}, {slug: south, title: South}]
                for_each_key: slug
                name: ${each.value.title}
            """)
        #expect(try await harness.plan().changes.map(\.address) == [Self.object("stage", "north"), Self.object("stage", "south")])
    }

    @Test func duplicateKeysFromADataSourceStopThePlanAtTheForEach() async throws {
        let harness = try await EngineHarness("""
            data:
              fake_lookup:
                shows: {key: shows}
            fake_object:
              show:
                for_each: ${data.fake_lookup.shows.items}
                name: ${each.key}
            """)
        harness.store.withContents { $0.data = ["shows": .list([.string("a"), .string("b"), .string("a")])] }
        let result = try await harness.planResult()
        #expect(result.plan == nil)
        let problem = result.diagnostics.first { $0.manifestProblem != nil }
        #expect(problem?.manifestProblem == .forEach(.duplicateKey("a", index: 2, firstIndex: 0)))
        #expect(problem?.location?.line == 6)
        #expect(problem?.location?.column == 15)
    }

    @Test func keysKnownOnlyAfterApplyAreAnError() async throws {
        let harness = try await EngineHarness("""
            fake_object:
              parent: {name: parent}
            data:
              fake_lookup:
                children: {key: "${fake_object.parent.id}"}
            fake_group:
              child:
                for_each: ${data.fake_lookup.children.items}
                name: ${each.key}
            """)
        let result = try await harness.planResult()
        #expect(result.diagnostics.map(\.manifestProblem) == [.forEach(.unknownKeys(source: "${data.fake_lookup.children.items}"))])
        #expect(result.diagnostics.first?.location?.line == 8)
    }

    @Test func aTargetNamesOneInstance() async throws {
        let harness = try await EngineHarness("""
            fake_object:
              room:
                for_each: [a, b, c]
                name: ${each.key}
            """)
        let plan = try await harness.plan(PlanOptions(targets: [Self.object("room", "b")]))
        #expect(plan.changes.map(\.address) == [Self.object("room", "b")])
    }

    @Test func anInstanceReferencedByKeyIsCreatedFirst() async throws {
        let harness = try await EngineHarness("""
            fake_object:
              room:
                for_each: [a, b]
                name: ${each.key}
              door:
                name: door
                parent_id: ${fake_object.room["b"].id}
            """)
        #expect(try await harness.apply().succeeded)
        #expect(harness.remote["door"]?.attributes["parent_id"] == .string(harness.remote["b"]!.id))
    }
}
