import CastformTestSupport
import Foundation
import Testing

/// Data-source values and for_each instances at the command line (the test bed's fake
/// service, its data kept in a file of the workspace): a saved plan applies with the values it
/// showed, `output` and `show` print what state keeps, and instance addresses work in `state`.
@Suite struct DataAndForEachCommandTests {
    static let manifest = """
        data:
          fake_lookup:
            rooms: {key: rooms}
        fake_object:
          room:
            for_each: ${data.fake_lookup.rooms.items}
            name: ${each.value.title}
            tags: ${data.fake_lookup.rooms.items[0].tags}
        """

    func setData(_ testbed: Testbed, _ items: String) throws {
        let path = testbed.directory.path + "/.fake-service.json"
        var json = (FileManager.default.contents(atPath: path).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] })
            ?? ["counter": 0, "objects": [String: Any](), "log": [String]()]
        json["data"] = ["rooms": try JSONSerialization.jsonObject(with: Data(items.utf8))]
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: path))
    }

    @Test func aSavedPlanAppliesTheDataItReadAndOutputPrintsIt() throws {
        let testbed = try Testbed(Self.manifest)
        try setData(testbed, #"[{"id": "a", "title": "Room A", "tags": ["x", "y"]}, {"id": "b", "title": "Room B"}]"#)
        let plan = try testbed.castform(["plan", "-out", "rooms.plan"])
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains(#"# fake_object.room["a"] will be created"#), "\(plan.stdout)")
        #expect(plan.stdout.contains(#"# fake_object.room["b"] will be created"#), "\(plan.stdout)")
        // The service's answer changes after the plan: the saved plan applies what it showed.
        try setData(testbed, #"[{"id": "c", "title": "Room C"}]"#)
        let apply = try testbed.castform(["apply", "rooms.plan"])
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(testbed.remoteNames == ["Room A", "Room B"])

        let output = try testbed.castform(["output", "data.fake_lookup.rooms.items[0].tags"])
        #expect(output.stdout == "[\"x\", \"y\"]\n", "\(output.stdout)\(output.stderr)")
        let raw = try testbed.castform(["output", "--raw", "data.fake_lookup.rooms.items[1].title"])
        #expect(raw.stdout == "Room B", "\(raw.stdout)\(raw.stderr)")
        let show = try testbed.castform(["show"])
        #expect(show.stdout.contains("# data.fake_lookup.rooms\n"), "\(show.stdout)")
        #expect(show.stdout.contains(#"# fake_object.room["a"]"#), "\(show.stdout)")

        let moved = try testbed.castform(["state", "mv", #"fake_object.room["b"]"#, #"fake_object.room["c"]"#])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(moved.stdout == "Moved fake_object.room[\"b\"] to fake_object.room[\"c\"].\n")
        let again = try testbed.castform(["plan", "--detailed-exitcode"])
        #expect(again.status == 2)
        #expect(again.stdout.contains(#"# fake_object.room["a"] will be destroyed (its key is no longer in for_each)"#), "\(again.stdout)")
        // State's room["c"] is the object that was room["b"]: it is updated, not made again.
        #expect(again.stdout.contains(#"# fake_object.room["c"] will be updated in place"#), "\(again.stdout)")
    }
}
