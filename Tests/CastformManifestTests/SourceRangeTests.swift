import CastformCore
import CastformManifest
import Testing

/// The range a diagnostic covers: the token at its position, in characters and in bytes.
@Suite struct SourceRangeTests {
    let file = SourceFile(displayPath: "a.yaml", relativePath: "a.yaml", absolutePath: "/a.yaml", bytes: Array("""
        show:
          title: "Café \\" 🇫🇷" # a comment
          tags: [deep house, vinyl]
          desc: plain text # note

        """.utf8))

    func covered(_ line: Int, _ column: Int) -> String? {
        guard let range = file.range(of: SourceLocation(file: "a.yaml", line: line, column: column)) else { return nil }
        return String(decoding: file.bytes[range.start.byte..<range.end.byte], as: UTF8.self)
    }

    @Test func aKeyEndsAtItsColon() {
        #expect(covered(2, 3) == "title")
    }

    @Test func aQuotedScalarEndsAtItsClosingQuote() {
        #expect(covered(2, 10) == "\"Café \\\" 🇫🇷\"")
        let range = file.range(of: SourceLocation(file: "a.yaml", line: 2, column: 10))
        #expect(range?.start == SourceRange.Position(line: 2, column: 10, byte: 15))
        #expect(range?.end == SourceRange.Position(line: 2, column: 21, byte: 34))
    }

    @Test func aPlainScalarEndsAtAFlowIndicatorOrAComment() {
        #expect(covered(3, 10) == "deep house")
        #expect(covered(4, 9) == "plain text")
    }

    @Test func aLineThatDoesNotExistHasNoRange() {
        #expect(covered(40, 1) == nil)
    }
}
