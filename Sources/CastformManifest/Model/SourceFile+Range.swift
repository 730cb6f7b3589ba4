import CastformCore

extension SourceFile {
    /// The range a diagnostic at `location` is about: from its position to the end of the
    /// token there — a quoted scalar to its closing quote, a key to its colon, a plain scalar
    /// to the next `,` `]` `}` or comment — within the line. nil when the line does not exist.
    ///
    /// Diagnostics carry a start only; the token is what a reader (or an editor underlining
    /// it) takes the problem to be about.
    public func range(of location: SourceLocation) -> SourceRange? {
        guard let startByte = lines.byteOffset(line: location.line, column: location.column) else { return nil }
        let line = lines.lineBytes(location.line)
        let endByte = Self.tokenEnd(in: line, from: startByte)
        let end = lines.position(ofByte: endByte)
        return SourceRange(filename: location.file,
                           start: .init(line: location.line, column: location.column, byte: startByte),
                           end: .init(line: end.line, column: end.column, byte: endByte))
    }

    /// Where the token starting at `start` ends (exclusive), as a byte offset into the file.
    static func tokenEnd(in line: ArraySlice<UInt8>, from start: Int) -> Int {
        guard start < line.endIndex else { return start }
        let quote = line[start]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            var index = start + 1
            while index < line.endIndex {
                if line[index] == UInt8(ascii: "\\"), quote == UInt8(ascii: "\""), index + 1 < line.endIndex {
                    index += 2
                    continue
                }
                if line[index] == quote { return index + 1 }
                index += 1
            }
            return line.endIndex
        }
        var index = start
        while index < line.endIndex {
            let byte = line[index]
            let next = index + 1 < line.endIndex ? line[index + 1] : UInt8(ascii: " ")
            if byte == UInt8(ascii: ":") && (next == UInt8(ascii: " ") || next == UInt8(ascii: "\t")) { break }
            if [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(byte) { break }
            if byte == UInt8(ascii: "#"), index > start, line[index - 1] == UInt8(ascii: " ") { break }
            index += 1
        }
        while index > start, line[index - 1] == UInt8(ascii: " ") || line[index - 1] == UInt8(ascii: "\t") { index -= 1 }
        return index
    }
}
