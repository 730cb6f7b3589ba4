import Testing
@testable import YAML

@Suite struct LineIndexTests {
    let index = LineIndex(Array("ascii: 1\r\ntitle: \"🇫🇷 Paris\"\nlast".utf8))

    @Test func linesWithoutTheirBreaks() {
        #expect(index.lineCount == 3)
        #expect(index.text(ofLine: 1) == "ascii: 1")
        #expect(index.text(ofLine: 3) == "last")
        #expect(index.text(ofLine: 4) == "")
    }

    @Test func aFinalLineBreakStartsNoLine() {
        #expect(LineIndex(Array("a\nb\n".utf8)).lineCount == 2)
        #expect(LineIndex([]).lineCount == 1)
    }

    @Test func codePointColumnsBecomeCharacterColumns() {
        #expect(index.characterColumn(line: 1, codePointColumn: 8) == 8)
        // `"` is column 8; the flag is code points 9 and 10, one character; the space after it
        // is code point 11 and character 10.
        #expect(index.characterColumn(line: 2, codePointColumn: 11) == 10)
        #expect(index.characterColumn(line: 2, codePointColumn: 20) == 19)
    }

    @Test func byteOffsetsAndPositionsRoundTrip() throws {
        let offset = try #require(index.byteOffset(line: 2, column: 10))
        #expect(index.bytes[offset] == UInt8(ascii: " "))
        #expect(index.position(ofByte: offset) == (2, 10))
        #expect(index.position(ofByte: 0) == (1, 1))
        #expect(index.byteOffset(line: 9, column: 1) == nil)
    }
}
