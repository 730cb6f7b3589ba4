import Testing
@testable import YAML

@Suite struct YAMLParserTests {
    @Test func mappingsKeepDocumentOrderAndPositions() throws {
        let stream = YAMLParser.parse("""
            b: 1
            a:
              - x
              - "y"
            """, file: "m.yaml")
        #expect(stream.errors.isEmpty)
        let root = try #require(stream.documents.first?.root)
        let pairs = try #require(root.mapping)
        #expect(pairs.map { $0.key.scalar?.value } == ["b", "a"])
        #expect(pairs[0].key.mark == Mark(file: "m.yaml", line: 1, column: 1))
        #expect(pairs[0].value.mark == Mark(file: "m.yaml", line: 1, column: 4))
        let items = try #require(pairs[1].value.sequence)
        #expect(items[1].mark.line == 4 && items[1].mark.column == 5)
        #expect(items[1].scalar == Scalar("y", style: .doubleQuoted))
    }

    @Test func scalarsResolveByYAML12CoreSchema() throws {
        let stream = YAMLParser.parse("[1, 0x1F, 2.5, true, yes, ~, '3', 2:54, 0:30, !!str 7]", file: "s.yaml")
        let items = try #require(stream.documents.first?.root?.sequence)
        #expect(items.map(\.resolved) == [
            .int(1), .int(31), .float(2.5), .bool(true), .string("yes"), .null,
            .string("3"), .string("2:54"), .string("0:30"), .string("7"),
        ])
    }

    @Test func anchorsAndAliasesResolveToTheAnchoredNode() throws {
        let stream = YAMLParser.parse("""
            base: &p {width: 1280}
            copy: *p
            """, file: "a.yaml")
        #expect(stream.errors.isEmpty)
        let copy = try #require(stream.documents.first?.root?["copy"])
        #expect(copy["width"]?.resolved == .int(1280))
        #expect(copy.mark.line == 1)
    }

    @Test func multipleDocuments() {
        let stream = YAMLParser.parse("a: 1\n---\nb: 2\n---\n", file: "d.yaml")
        #expect(stream.documents.count == 3)
        #expect(stream.documents[2].root == nil || stream.documents[2].root?.resolved == .null)
    }

    @Test func syntaxErrorsCarryLibyamlsPosition() throws {
        let stream = YAMLParser.parse("a: [1, 2\nb: 3\n", file: "e.yaml")
        let error = try #require(stream.errors.first)
        #expect(error.kind == .syntax)
        #expect(error.mark.line == 2)
        #expect(error.message.contains("flow sequence"))
    }

    @Test func duplicateKeysAreAllReported() {
        let stream = YAMLParser.parse("a: 1\nb: 2\na: 3\nb: 4\n", file: "k.yaml")
        #expect(stream.errors.map(\.mark.line) == [3, 4])
        #expect(stream.errors.first?.message == "duplicate key \"a\" in this mapping (first at line 1, column 1)")
    }

    @Test func aliasBombsAreRefused() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(previous)]\n"
        }
        let stream = YAMLParser.parse(text, file: "lol.yaml")
        let error = try #require(stream.errors.first)
        #expect(error.kind == .aliasExpansion(limit: 100_000))
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let stream = YAMLParser.parse(text, file: "deep.yaml")
        let error = try #require(stream.errors.first)
        #expect(error.kind == .tooDeep(limit: 128))
        #expect(error.mark.column == 129)
    }
}
