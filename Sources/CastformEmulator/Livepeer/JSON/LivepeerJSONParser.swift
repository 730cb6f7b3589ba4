import Foundation

/// Parses request bodies into `LivepeerJSON`, keeping member order, and fails with the words of
/// Node's `JSON.parse`, which the server's body-parser passes on in a 400.
enum LivepeerJSONParser {
    struct SyntaxError: Error, Equatable {
        /// As V8 words it, e.g. `Unexpected token '}', "{"a": }" is not valid JSON`.
        var message: String
    }

    static func parse(_ data: Data) throws -> LivepeerJSON {
        var parser = Parser(bytes: Array(data))
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        if parser.index < parser.bytes.count { throw parser.unexpected() }
        return value
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func value() throws -> LivepeerJSON {
            guard index < bytes.count else { throw endOfInput() }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try object()
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
            default: throw unexpected()
            }
        }

        mutating func object() throws -> LivepeerJSON {
            index += 1
            var members: [LivepeerJSON.Member] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard index < bytes.count else { throw endOfInput() }
                guard bytes[index] == UInt8(ascii: "\"") else { throw unexpected() }
                let key = try string()
                skipWhitespace()
                try expect(":")
                skipWhitespace()
                let member = try value()
                // JSON.parse keeps the last of duplicate keys, at the place of the first.
                if let existing = members.firstIndex(where: { $0.key == key }) {
                    members[existing].value = member
                } else {
                    members.append(.init(key, member))
                }
                skipWhitespace()
                guard index < bytes.count else { throw endOfInput() }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw unexpected()
            }
        }

        mutating func array() throws -> LivepeerJSON {
            index += 1
            var elements: [LivepeerJSON] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                skipWhitespace()
                elements.append(try value())
                skipWhitespace()
                guard index < bytes.count else { throw endOfInput() }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
                throw unexpected()
            }
        }

        mutating func string() throws -> String {
            index += 1
            var scalars = String.UnicodeScalarView()
            var pendingHighSurrogate: UInt32?
            var run: [UInt8] = []
            func flushRun() {
                if !run.isEmpty {
                    scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                    run.removeAll()
                }
            }
            while true {
                guard index < bytes.count else { throw endOfInput() }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    flushRun()
                    return String(scalars)
                }
                if byte < 0x20 { throw unexpected() }
                guard byte == UInt8(ascii: "\\") else {
                    run.append(byte)
                    index += 1
                    continue
                }
                flushRun()
                index += 1
                guard index < bytes.count else { throw endOfInput() }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        pendingHighSurrogate = code
                        continue
                    }
                    if (0xDC00...0xDFFF).contains(code), let high = pendingHighSurrogate {
                        let combined = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                        scalars.append(Unicode.Scalar(combined) ?? "\u{FFFD}")
                    } else {
                        scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    }
                default:
                    index -= 1
                    throw unexpected()
                }
                pendingHighSurrogate = nil
            }
        }

        mutating func hex4() throws -> UInt32 {
            var code: UInt32 = 0
            for _ in 0..<4 {
                guard index < bytes.count else { throw endOfInput() }
                guard let digit = UInt32(String(UnicodeScalar(bytes[index])), radix: 16) else { throw unexpected() }
                code = code * 16 + digit
                index += 1
            }
            return code
        }

        mutating func number() throws -> Double {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count else { throw endOfInput() }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
            } else if isDigit(bytes[index]) {
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            } else {
                throw unexpected()
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count else { throw endOfInput() }
                guard isDigit(bytes[index]) else { throw unexpected() }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count else { throw endOfInput() }
                guard isDigit(bytes[index]) else { throw unexpected() }
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            }
            return Double(String(decoding: bytes[start..<index], as: UTF8.self)) ?? .nan
        }

        mutating func literal(_ word: String) throws {
            for expected in word.utf8 {
                guard index < bytes.count else { throw endOfInput() }
                guard bytes[index] == expected else { throw unexpected() }
                index += 1
            }
        }

        mutating func expect(_ character: Character) throws {
            guard index < bytes.count else { throw endOfInput() }
            guard bytes[index] == character.asciiValue else { throw unexpected() }
            index += 1
        }

        func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

        func endOfInput() -> SyntaxError {
            SyntaxError(message: "Unexpected end of JSON input")
        }

        /// V8's wording: the offending character, then the source (or a window of it).
        func unexpected() -> SyntaxError {
            let source = String(decoding: bytes, as: UTF8.self)
            let token = String(decoding: bytes[index..<min(index + 1, bytes.count)], as: UTF8.self)
            let context: String
            if bytes.count <= 40 {
                context = "\"\(source)\""
            } else {
                let from = max(0, index - 10), to = min(bytes.count, index + 10)
                let window = String(decoding: bytes[from..<to], as: UTF8.self)
                context = (from > 0 ? "...\"" : "\"") + window + (to < bytes.count ? "\"..." : "\"")
            }
            return SyntaxError(message: "Unexpected token '\(token)', \(context) is not valid JSON")
        }
    }
}
