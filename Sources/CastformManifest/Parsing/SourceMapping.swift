import CastformCore
import YAML

/// Finds where text inside a scalar is written in the source.
///
/// A scalar's value is not its source text: quotes, escapes (`\u00e9`, `''`) and line folding
/// all shift what follows them. Rather than undo each style, castform looks at the scalar's
/// source text itself: each `${` of the value is the `${` at the same rank in the source.
enum SourceMapping {
    /// Where each `${` of `value` is written, in order (escaped `$${` included), as the scalar
    /// `node` of `file` holds them. When the source holds a different number of `${` than the
    /// value — an escape can spell one, a block scalar's header comment can hold one — each is
    /// placed at the scalar's start instead: a correct line, never a wrong column.
    static func dollarBraceLocations(of node: Node, value: String, in file: SourceFile) -> [SourceLocation] {
        var wanted = 0
        var previous: UInt8 = 0
        for byte in value.utf8 {
            if byte == UInt8(ascii: "{"), previous == UInt8(ascii: "$") { wanted += 1 }
            previous = byte
        }
        let lines = file.lines
        if let start = lines.byteOffset(line: node.mark.line, column: node.mark.column),
           let end = lines.byteOffset(line: node.end.line, column: node.end.column), start <= end {
            let offsets = dollarBraceOffsets(lines.bytes[start..<end])
            if offsets.count == wanted {
                return offsets.map { offset in
                    let position = lines.position(ofByte: offset)
                    return SourceLocation(fileID: node.mark.fileID, line: position.line, column: position.column)
                }
            }
        }
        let start = node.mark
        return Array(repeating: start, count: wanted)
    }

    /// The offsets of each `$` directly followed by `{`.
    static func dollarBraceOffsets(_ bytes: ArraySlice<UInt8>) -> [Int] {
        var offsets: [Int] = []
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "{") { offsets.append(index) }
            index += 1
        }
        return offsets
    }
}
