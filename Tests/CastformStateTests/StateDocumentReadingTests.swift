import CastformCore
import CastformJSON
@testable import CastformState
import Foundation
import Testing

/// State documents are read field by field from the parsed JSON (the fast path) and, when a
/// document is not shaped as castform writes it, through Codable, which says what is wrong.
/// Both must read every kind of field the same.
@Suite struct StateDocumentReadingTests {
    /// One of everything a resource can hold: optional fields set and unset, markers for
    /// sensitive and unknown values, numbers whole and not, nested lists and objects.
    static let snapshot: StateSnapshot = {
        let stream = ResourceState(
            address: ResourceAddress(type: "livepeer_stream", name: "main"), provider: "livepeer", id: "st-1",
            attributes: ["name": .string("Main"), "record": .bool(false), "bitrate": .int(3_000_000), "ratio": .number(1.5),
                         "stream_key": .sensitive(.string(Value.hashPrefix + "ab12")), "later": .unknown, "gone": .null,
                         "profiles": .list([.object(["name": .string("720p"), "fps": .int(30)])])],
            privateData: ["lineage": .string("l-1")],
            dependencies: [ResourceAddress(type: "livepeer_webhook", name: "hook")],
            deposed: ["st-0"], lifecycle: ["on_remove": .string("delete")])
        let pending = ResourceState(
            address: ResourceAddress(type: "mixcloud_cloudcast", name: "shows", key: "ep 1"), provider: "mixcloud", id: nil,
            pending: PendingOperation(kind: .create, started: Date(timeIntervalSince1970: 1_790_000_000),
                                      desired: ["title": .string("Ep 1")], notes: ["slug": .string("ep-1")]))
        let plain = ResourceState(address: ResourceAddress(type: "livepeer_webhook", name: "hook"), provider: "livepeer", id: "wh-1")
        return StateSnapshot(serial: 42, lineage: "lineage-1", resources: [stream, pending, plain],
                             outputs: ["playback": .string("abc"), "secret": .sensitive(.string(Value.hashPrefix + "cd34"))])
    }()

    @Test func aWrittenStateReadsBackAsItWas() throws {
        let read = try StateSnapshot(json: try Self.snapshot.jsonData(), source: "state.json")
        #expect(read.resources == Self.snapshot.resources)
        #expect(read.serial == 42 && read.lineage == "lineage-1" && read.version == StateSnapshot.currentVersion)
        #expect(read.outputs == Self.snapshot.outputs)
    }

    @Test func theDirectReaderAndCodableAgree() throws {
        let data = try Self.snapshot.jsonData()
        let direct = try #require(StateSnapshot(stateJSON: try JSONParser.parse(Array(data))))
        let foundation = JSONDecoder()  // never takes the direct path
        foundation.dateDecodingStrategy = .iso8601
        let codable = try foundation.decode(StateSnapshot.self, from: data)
        #expect(direct.resources == codable.resources)
        #expect(direct.outputs == codable.outputs)
        #expect(direct.serial == codable.serial && direct.lineage == codable.lineage)
    }

    @Test func theStreamingReaderReadsTheSameSnapshot() throws {
        let data = try Self.snapshot.jsonData()
        let streamed = try #require(data.withUnsafeBytes { StateSnapshot(stateText: $0.bindMemory(to: UInt8.self)) })
        #expect(streamed.resources == Self.snapshot.resources)
        #expect(streamed.outputs == Self.snapshot.outputs)
        #expect(streamed.serial == 42 && streamed.lineage == "lineage-1")
    }

    @Test func theStreamingReaderLeavesADocumentItDoesNotRecogniseToCodable() {
        let misshapen = #"{"version": 1, "serial": 1, "lineage": "l", "outputs": {}, "resources": [{"address": 7}]}"#
        let missing = #"{"version": 1, "serial": 1, "lineage": "l", "outputs": {}}"#
        let twice = #"{"version": 1, "serial": 1, "lineage": "l", "outputs": {}, "resources": [], "resources": [{"address": 7}]}"#
        for text in [misshapen, missing, twice] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { StateSnapshot(stateText: $0) } == nil, "\(text)")
        }
    }

    @Test func optionalFieldsMayBeNullOrAbsent() throws {
        let text = """
            {"version": 1, "serial": 3, "lineage": "l", "outputs": {}, "resources": [
              {"address": "fake_object.a", "provider": "fake", "id": null, "attributes": {}, "privateData": {},
               "dependencies": [], "pending": null, "deposed": null, "lifecycle": null},
              {"address": "fake_object.b", "provider": "fake", "attributes": {"n": 2.0}, "privateData": {}, "dependencies": []}
            ]}
            """
        let read = try #require(StateSnapshot(stateJSON: try JSONParser.parse(Array(text.utf8))))
        #expect(read.resources.map(\.id) == [nil, nil])
        #expect(read.resources[1].attributes["n"] == .int(2))
    }

    @Test(arguments: [
        (#""address": 7"#, "address"),
        (#""address": "not an address!""#, "is not an address"),
        (#""dependencies": ["fake_object.a", 3]"#, "dependencies"),
    ])
    func aMisshapenResourceIsReportedWhereItIs(field: String, expected: String) throws {
        var members = [#""address": "fake_object.a""#, #""provider": "fake""#, #""attributes": {}"#, #""privateData": {}"#,
                       #""dependencies": []"#]
        let name = field.prefix { $0 != ":" }
        members.removeAll { $0.hasPrefix(name) }
        members.append(field)
        let text = #"{"version": 1, "serial": 1, "lineage": "l", "outputs": {}, "resources": [{"# + members.joined(separator: ", ") + "}]}"
        do {
            _ = try StateSnapshot(json: Data(text.utf8), source: "state.json")
            Issue.record("read a misshapen state")
        } catch {
            guard case .notAStateFile(let path, let detail, _) = error else { Issue.record("\(error)"); return }
            #expect(path == "state.json")
            #expect(detail.contains(expected), "\(detail)")
        }
    }
}
