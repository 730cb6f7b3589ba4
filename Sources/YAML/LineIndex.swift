/// A source's lines: where each starts, so positions can be turned into text and back.
///
/// libyaml counts columns in Unicode code points; castform counts characters (grapheme
/// clusters), as a reader does: "🇫🇷" is one column, not two. Only lines holding non-ASCII
/// bytes can differ, and the index remembers which lines those are, so an all-ASCII file costs
/// one pass over its bytes and no conversion at all.
///
/// Lines end at `\n` (a `\r` before it stays part of the line, and is never counted).
public struct LineIndex: Sendable {
    public let bytes: [UInt8]
    /// The byte offset of each line's first byte; line 1 starts at `starts[0]`.
    private let starts: [Int]
    /// Per line, whether it holds a non-ASCII byte; nil when no line does.
    private let nonASCII: [Bool]?

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var nonASCII: [Bool] = []
        var lineHasNonASCII = false
        var anyNonASCII = false
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\n") {
                    starts.append(index + 1)
                    nonASCII.append(lineHasNonASCII)
                    lineHasNonASCII = false
                } else if byte >= 0x80 {
                    lineHasNonASCII = true
                    anyNonASCII = true
                }
            }
        }
        nonASCII.append(lineHasNonASCII)
        self.starts = starts
        self.nonASCII = anyNonASCII ? nonASCII : nil
    }

    /// Lines with text a message can quote: a final line break does not start another one.
    public var lineCount: Int {
        starts.count > 1 && starts.last == bytes.count ? starts.count - 1 : starts.count
    }

    /// The bytes of 1-based line `line`, without its line break (and `\r`); empty when out of range.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        guard line >= 1, line <= starts.count else { return [] }
        var end = line < starts.count ? starts[line] - 1 : bytes.count
        if end > starts[line - 1], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[starts[line - 1]..<end]
    }

    public func text(ofLine line: Int) -> String {
        String(decoding: lineBytes(line), as: UTF8.self)
    }

    private func isASCII(line: Int) -> Bool {
        guard let nonASCII, line >= 1, line <= nonASCII.count else { return true }
        return !nonASCII[line - 1]
    }

    /// A 1-based column counted in code points (as libyaml counts), in characters instead.
    public func characterColumn(line: Int, codePointColumn: Int) -> Int {
        guard !isASCII(line: line) else { return codePointColumn }
        let text = lineBytes(line)
        var end = text.startIndex
        var codePoints = 0
        while end < text.endIndex, codePoints < codePointColumn - 1 {
            // Skip the continuation bytes of one UTF-8 sequence.
            end += 1
            while end < text.endIndex, text[end] & 0xC0 == 0x80 { end += 1 }
            codePoints += 1
        }
        let beyondLine = codePointColumn - 1 - codePoints
        return String(decoding: text[text.startIndex..<end], as: UTF8.self).count + 1 + beyondLine
    }

    /// The byte offset of a 1-based line and character column, or nil when the line does not exist.
    public func byteOffset(line: Int, column: Int) -> Int? {
        guard line >= 1, line <= starts.count else { return nil }
        let text = lineBytes(line)
        guard !isASCII(line: line) else { return min(text.startIndex + column - 1, text.endIndex) }
        let prefix = String(decoding: text, as: UTF8.self).prefix(column - 1)
        return text.startIndex + prefix.utf8.count
    }

    /// The 1-based line and character column of a byte offset.
    public func position(ofByte offset: Int) -> (line: Int, column: Int) {
        // The last line starting at or before `offset`.
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let line = low + 1
        let start = starts[low]
        if isASCII(line: line) { return (line, offset - start + 1) }
        return (line, String(decoding: bytes[start..<offset], as: UTF8.self).count + 1)
    }
}
