import CastformCore
import CastformManifest
import Testing

/// `for_each` and `moved` as a manifest writes them: what is found wrong, as cases, at the
/// marked place.
@Suite struct ForEachAndMovedProblemTests {
    typealias Found = ManifestProblemTests.Found

    static let stream = ResourceAddress(type: "livepeer_stream", name: "stage")

    @Test func aListOfObjectsWithTheSameIdIsAPositionedDuplicateKey() throws {
        let (found, _) = try ManifestProblemTests.found(["streams.yaml": """
            livepeer_stream:
              stage:
                for_each: 1️⃣[{id: north, name: North}, {id: south}, {id: north}]
                name: ${each.value.name}
            """])
        #expect(found == [Found(.forEach(.duplicateKey("north", index: 2, firstIndex: 0)), at: "1️⃣")])
    }

    @Test func forEachKeyNamesTheAttributeThatKeysTheInstances() throws {
        let (found, _) = try ManifestProblemTests.found(["streams.yaml": """
            livepeer_stream:
              stage:
                for_each: 1️⃣[{slug: north}, {name: South}]
                for_each_key: slug
                name: ${each.key}
            """])
        #expect(found == [Found(.forEach(.itemWithoutKey(index: 1, attribute: "slug")), at: "1️⃣")])
    }

    @Test func eachOutsideForEachAndAScalarForEachAreErrors() throws {
        let (found, _) = try ManifestProblemTests.found(["streams.yaml": """
            livepeer_stream:
              stage:
                name: 1️⃣${each.key}
              other:
                for_each: 2️⃣three
                name: other
            """])
        #expect(found.contains(Found(.forEach(.eachWithoutForEach(Self.stream, reference: "each.key")), at: "1️⃣")))
        #expect(found.contains(Found(.forEach(.notACollection(found: .string)), at: "2️⃣")))
    }

    @Test func aValidForEachOverAMapOrAListOfStringsIsQuiet() throws {
        let (found, _) = try ManifestProblemTests.found(["streams.yaml": """
            livepeer_stream:
              stage:
                for_each: {north: North Stage, south: South Stage}
                name: ${each.value}
              room:
                for_each: [a, b]
                name: Room ${each.key}
            """])
        #expect(found == [])
    }

    @Test func movesAreCheckedOneByOneAndTogether() throws {
        let (found, _) = try ManifestProblemTests.found(["streams.yaml": """
            livepeer_stream:
              stage: {name: Stage}
            moved:
              - 1️⃣{from: livepeer_stream.old, to: livepeer_stream.older}
              - {from: livepeer_stream.older, to: livepeer_stream.stage}
              - 2️⃣{from: livepeer_stream.a, to: livepeer_webhook.a}
              - 3️⃣{from: livepeer_stream.b, to: livepeer_stream.b}
              - {from: 4️⃣"stream b", to: livepeer_stream.c}
            """])
        let older = ResourceAddress(type: "livepeer_stream", name: "older")
        #expect(found.contains(Found(.moved(.chain(older, into: Self.stream)), at: "1️⃣")))
        #expect(found.contains(Found(.moved(.differentType(from: ResourceAddress(type: "livepeer_stream", name: "a"),
                                                           to: ResourceAddress(type: "livepeer_webhook", name: "a"))), at: "2️⃣")))
        #expect(found.contains(Found(.moved(.sameAddress(ResourceAddress(type: "livepeer_stream", name: "b"))), at: "3️⃣")))
        #expect(found.contains(Found(.moved(.notAnAddress(written: "stream b")), at: "4️⃣")))
        #expect(found.count == 4)
    }

    @Test func theMessagesSayWhatToDo() {
        #expect(ManifestProblem.forEach(.duplicateKey("north", index: 2, firstIndex: 0)).message
                == "for_each gives two instances the key \"north\" (items 0 and 2): each key must name one instance; make the keys unique, or name another attribute with for_each_key")
        #expect(ManifestProblem.moved(.targetExists(from: ResourceAddress(type: "t", name: "a"), to: ResourceAddress(type: "t", name: "b", key: "k"))).message
                == "cannot move t.a to t.b[\"k\"]: state already holds an object for t.b[\"k\"]; remove this move, or remove t.b[\"k\"] from state first (castform state rm)")
    }
}
