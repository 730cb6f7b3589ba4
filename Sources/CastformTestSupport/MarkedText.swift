/// Text with position markers (`1️⃣`, `2️⃣`, ...) in it, as swift-format's tests write them:
/// the markers are removed and their line and column remembered, so a test can say "the error
/// is at 1️⃣" instead of counting columns by hand.
///
/// Lines starting with `#=>` are expectations, not text: they are kept as YAML comments and
/// their markers are not positions.
public struct MarkedText: Sendable {
    public static let markers: [Character] = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    public var text: String
    /// Marker → (line, column), 1-based, columns in characters.
    public var positions: [Character: (line: Int, column: Int)]

    public init(_ marked: String) {
        var text = ""
        var positions: [Character: (line: Int, column: Int)] = [:]
        let lines = marked.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            if offset > 0 { text += "\n" }
            if line.hasPrefix("#=>") {
                text += line
                continue
            }
            var column = 1
            for character in line {
                if MarkedText.markers.contains(character) {
                    positions[character] = (offset + 1, column)
                } else {
                    text.append(character)
                    column += 1
                }
            }
        }
        self.text = text
        self.positions = positions
    }

    /// Expectations written as `#=> 1️⃣ error: message` (or `#=> error: message` for none).
    public static func expectations(in marked: String) -> [(marker: Character?, severity: String, message: String)] {
        marked.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("#=>") else { return nil }
            var rest = line.dropFirst(3).drop { $0 == " " }
            var marker: Character?
            if let first = rest.first, markers.contains(first) {
                marker = first
                rest = rest.dropFirst().drop { $0 == " " }
            }
            guard let colon = rest.firstIndex(of: ":") else { return nil }
            let severity = String(rest[..<colon])
            let message = rest[rest.index(after: colon)...].drop { $0 == " " }
            return (marker, severity, String(message))
        }
    }
}
