/// Finds functions, initialisers and subscripts in Swift source and measures their bodies —
/// enough of Swift's lexical rules (strings, raw strings, multi-line strings, comments) that a
/// brace inside a literal such as `"${var.x}"` does not count.
enum SwiftFunctions {
    struct Span: Equatable {
        /// 1-based line of the declaration.
        var line: Int
        /// Lines from the declaration to its closing brace, both included.
        var length: Int
        var declaration: String
    }

    /// A declaration whose body does not open within this many lines is a requirement
    /// (a protocol's) and has no body.
    static let bodyOpensWithin = 8

    static func spans(in lines: [String]) -> [Span] {
        let code = CodeLines.strip(lines)
        return code.indices.compactMap { index in
            guard isDeclaration(code[index]) else { return nil }
            return closingLine(in: code, from: index).map {
                Span(line: index + 1, length: $0 - index + 1, declaration: String(lines[index].prefix(80)))
            }
        }
    }

    static func isDeclaration(_ code: String) -> Bool {
        let modifiers: Set<Substring> = ["public", "private", "fileprivate", "internal", "package", "static", "class", "final",
                                         "override", "mutating", "nonmutating", "nonisolated", "convenience", "required", "open"]
        var rest = Substring(code)
        while let word = rest.split(separator: " ", maxSplits: 1).first, word.hasPrefix("@") || modifiers.contains(word)
            || word.hasPrefix("private(") || word.hasPrefix("nonisolated(") {
            rest = rest.dropFirst(word.count).drop { $0 == " " }
        }
        return rest.hasPrefix("func ") || rest.hasPrefix("subscript(") || rest.hasPrefix("subscript<")
            || ["init(", "init?(", "init!(", "init<"].contains { rest.hasPrefix($0) }
    }

    /// The index of the line closing the body that opens at or after `start`.
    static func closingLine(in code: [String], from start: Int) -> Int? {
        var depth = 0
        var opened = false
        for index in start..<code.count {
            if !opened && index - start >= bodyOpensWithin { return nil }
            for character in code[index] {
                if character == "{" { depth += 1; opened = true }
                if character == "}" { depth -= 1 }
            }
            if opened && depth <= 0 { return index }
        }
        return nil
    }
}

/// Source lines with string literals' contents and comments removed.
enum CodeLines {
    private enum Literal: Equatable {
        case none
        /// Inside a multi-line string opened by `#`×hashes followed by `"""`.
        case multiLine(hashes: Int)
    }

    static func strip(_ lines: [String]) -> [String] {
        var literal = Literal.none
        return lines.map { strip(Array($0), &literal) }
    }

    private static func strip(_ line: [Character], _ literal: inout Literal) -> String {
        var code = ""
        var index = 0
        while index < line.count {
            if case .multiLine(let hashes) = literal {
                if matches(line, index, "\"\"\"" + String(repeating: "#", count: hashes)) {
                    literal = .none
                    index += 3 + hashes
                } else {
                    index += 1
                }
                continue
            }
            if matches(line, index, "//") { break }
            let hashes = line[index...].prefix { $0 == "#" }.count
            if matches(line, index + hashes, "\"\"\"") {
                literal = .multiLine(hashes: hashes)
                index += hashes + 3
            } else if matches(line, index + hashes, "\"") {
                index = endOfString(line, from: index + hashes + 1, hashes: hashes)
            } else {
                code.append(line[index])
                index += 1
            }
        }
        return code
    }

    /// The index after the closing quote of a one-line string whose contents start at `start`.
    private static func endOfString(_ line: [Character], from start: Int, hashes: Int) -> Int {
        let closing = "\"" + String(repeating: "#", count: hashes)
        var index = start
        while index < line.count {
            if hashes == 0 && line[index] == "\\" { index += 2; continue }
            if matches(line, index, closing) { return index + closing.count }
            index += 1
        }
        return index
    }

    private static func matches(_ line: [Character], _ index: Int, _ text: String) -> Bool {
        let characters = Array(text)
        return index + characters.count <= line.count && Array(line[index..<index + characters.count]) == characters
    }
}
