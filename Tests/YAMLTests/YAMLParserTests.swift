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

    @Test func syntaxErrorsPointAtTheConstructLeftOpen() throws {
        let stream = YAMLParser.parse("a: [1, 2\nb: 3\n", file: "e.yaml")
        let error = try #require(stream.errors.first)
        #expect(error.kind == .syntax(problem: "did not find expected ',' or ']'", context: "while parsing a flow sequence"))
        #expect(error.isSyntax)
        #expect(error.mark == Mark(file: "e.yaml", line: 1, column: 4))
        #expect(error.message == "did not find expected ',' or ']' while parsing a flow sequence")

        let quote = try #require(YAMLParser.parse("a: 1\nb: \"open\nc: 2\n", file: "q.yaml").errors.first)
        #expect(quote.mark == Mark(file: "q.yaml", line: 2, column: 4))
    }

    @Test func otherSyntaxErrorsStayWhereLibyamlGaveUp() throws {
        let error = try #require(YAMLParser.parse("a:\n  b: 1\n  c\n  d: 2\n", file: "k.yaml").errors.first)
        #expect(error.mark == Mark(file: "k.yaml", line: 3, column: 3))
        let block = try #require(YAMLParser.parse("a: 1\n b: 2\n", file: "b.yaml").errors.first)
        #expect(block.mark.line == 2)
    }

    @Test func errorsAtTheEndOfTheInputAreOnItsLastLine() throws {
        // libyaml gives up on line 2, which the text does not have.
        let error = try #require(YAMLParser.parse("%YAML 1.2\n", file: "end.yaml").errors.first)
        #expect(error.mark == Mark(file: "end.yaml", line: 1, column: 10))
    }

    @Test func tabIndentationIsNamed() throws {
        for text in ["a:\n  b:\n\tc: 1\n", "a:\n  b: x\n  \tc: 1\n", "a: |\n\tx\n"] {
            let error = try #require(YAMLParser.parse(text, file: "t.yaml").errors.first, "\(text)")
            #expect(error.kind == .tabIndentation, "\(text)")
            #expect(error.message == "this line is indented with a tab; YAML indents with spaces only", "\(text)")
        }
    }

    @Test func columnsCountCharactersNotCodePoints() throws {
        // 🇫🇷 is two code points and one character; é written decomposed is two as well.
        let stream = YAMLParser.parse("- [\"🇫🇷 Paris\", x]\n- [\"e\u{301}\", y]\n", file: "u.yaml")
        let rows = try #require(stream.documents.first?.root?.sequence)
        #expect(rows[0].sequence?[1].mark.column == 15)
        #expect(rows[1].sequence?[1].mark.column == 9)
    }

    @Test func scalarsKnowWhereTheyEnd() throws {
        let stream = YAMLParser.parse("a: 'x''y'\nb: two\n  lines\n", file: "e.yaml")
        let root = try #require(stream.documents.first?.root)
        #expect(root["a"]?.end == Mark(file: "e.yaml", line: 1, column: 10))
        #expect(root["b"]?.end == Mark(file: "e.yaml", line: 3, column: 8))
    }

    @Test func duplicateKeysInLargeMappingsAreReportedAtTheirFirstPlace() {
        // Keys k0…k39, then k3 again (line 41), k3 a third time (42) and k30 (43): past the
        // pairs searched one by one, the keys are looked up instead; both find the first place.
        let text = (0..<40).map { "k\($0): \($0)\n" }.joined() + "k3: x\nk3: y\nk30: z\n"
        let stream = YAMLParser.parse(text, file: "big.yaml")
        #expect(stream.errors.map(\.kind) == [
            .duplicateKey(key: "k3", firstMark: Mark(file: "big.yaml", line: 4, column: 1)),
            .duplicateKey(key: "k3", firstMark: Mark(file: "big.yaml", line: 4, column: 1)),
            .duplicateKey(key: "k30", firstMark: Mark(file: "big.yaml", line: 31, column: 1)),
        ])
        #expect(stream.errors.map(\.mark.line) == [41, 42, 43])
    }

    @Test func duplicateKeysAreAllReported() {
        let stream = YAMLParser.parse("a: 1\nb: 2\na: 3\nb: 4\n", file: "k.yaml")
        #expect(stream.errors.map(\.mark.line) == [3, 4])
        #expect(stream.errors.map(\.kind) == [.duplicateKey(key: "a", firstMark: Mark(file: "k.yaml", line: 1, column: 1)),
                                               .duplicateKey(key: "b", firstMark: Mark(file: "k.yaml", line: 2, column: 1))])
        #expect(stream.errors.allSatisfy { !$0.isSyntax })
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
        #expect(error.message == "aliases expand this document to more than 100000 nodes; castform refuses such alias bombs")
    }

    @Test func anAliasWithoutItsAnchorNamesIt() throws {
        let error = try #require(YAMLParser.parse("a: *nowhere\n", file: "a.yaml").errors.first)
        #expect(error.kind == .unknownAlias("nowhere"))
        #expect(error.message == "alias *nowhere refers to no anchor defined before it")
    }

    @Test func kindsNameWhatANodeIs() throws {
        let root = try #require(YAMLParser.parse("[~, true, 3, 1.5, x, \"4\", [], {}]", file: "k.yaml").documents.first?.root)
        #expect(root.sequence?.map(\.kind) == [.null, .bool, .int, .float, .string, .string, .sequence, .mapping])
        #expect(root.kind == .sequence)
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let stream = YAMLParser.parse(text, file: "deep.yaml")
        let error = try #require(stream.errors.first)
        #expect(error.kind == .tooDeep(limit: 128))
        #expect(error.mark.column == 129)
    }
}
