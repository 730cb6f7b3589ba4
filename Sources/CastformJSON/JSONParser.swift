// CastformJSON: JSON read by looking at each token, not by trial.
//
// Foundation's JSONDecoder can only learn a loosely typed value's kind by trying each type in
// turn, and each failed try builds a DecodingError with its coding path. castform's state,
// plan files and the services' list pages are mostly such values (`Value`, `JSONValue`), so
// that was most of a 10,000-object plan's CPU. `JSONParser` reads bytes into `JSONValue` in
// one pass; `JSONValueDecoder` decodes `Decodable` types from that tree, and `Value` and
// `JSONValue` take the tree's node as they are, with no trial.

/// A one-pass parser of JSON text (RFC 8259) into `JSONValue`.
public struct JSONParser {
    /// Where and why the text is not JSON.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at byte \(offset)" }

        public init(offset: Int, reason: String) {
            self.offset = offset
            self.reason = reason
        }
    }

    /// Nesting deeper than this is refused rather than risking the stack.
    static let maximumDepth = 512

    /// The document, or of it what `selection` keeps: the rest is checked to be JSON but never
    /// built (for a service's answer whose large parts castform never reads: a list page's
    /// pictures, owners and counters).
    public static func parse(_ bytes: [UInt8], keeping selection: JSONSelection = .all) throws(Failure) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(Failure) -> JSONValue in try parse(buffer, keeping: selection) }
    }

    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>, keeping selection: JSONSelection = .all) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: buffer)
        parser.selection = selection.nodes
        parser.skipSpace()
        let value = try parser.value(depth: 0, node: 0)
        parser.skipSpace()
        guard parser.index == buffer.count else { throw parser.failure("unexpected text after the value") }
        return value
    }

    /// Parses a document whose top level is an object, handing each element of its array
    /// member `member` to `element` as soon as it is parsed instead of keeping it; the member
    /// reads as an empty array in the value returned. For a large document whose one big list
    /// becomes other values (state's resources): its whole tree never exists at once.
    ///
    /// `element` returns false to be handed no more (the rest is still read, to say whether it
    /// is JSON); `streamed` is true when the member was an array and every element was taken.
    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>, streaming member: String,
                             to element: @escaping (JSONValue) -> Bool) throws(Failure) -> (value: JSONValue, streamed: Bool) {
        var parser = JSONParser(bytes: buffer)
        parser.stream = Stream(member: member, element: element)
        parser.skipSpace()
        let value = try parser.value(depth: 0, node: 0)
        parser.skipSpace()
        guard parser.index == buffer.count else { throw parser.failure("unexpected text after the value") }
        return (value, parser.stream?.state == .taken)
    }

    /// The member whose elements go to a callback (`parse(_:streaming:to:)`).
    private struct Stream {
        enum State { case notSeen, taken, refused }
        let member: String
        let element: (JSONValue) -> Bool
        var state = State.notSeen
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var stream: Stream?
    /// What is built (`parse(_:keeping:)`); each value is read against one of its nodes.
    private var selection = JSONSelection.all.nodes
    /// The members of the objects being read, innermost last.
    private var members: [(String, JSONValue)] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private func failure(_ reason: String) -> Failure {
        Failure(offset: index, reason: reason)
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The value at `index`, read against the selection's `node`.
    private mutating func value(depth: Int, node: Int) throws(Failure) -> JSONValue {
        guard index < bytes.count else { throw failure("unexpected end of text") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1, node: node)
        case UInt8(ascii: "["): return try array(depth: depth + 1, node: node)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw failure("unexpected end of text") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw failure("unexpected character") }
        index += count
    }

    private mutating func object(depth: Int, node: Int) throws(Failure) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw failure("nested too deeply") }
        index += 1
        // The members kept, when not all are: a handful, looked through in turn.
        var wanted: [(name: String, node: Int)]?
        if case .members(let named) = selection[node] { wanted = named }
        // Gathered in order on the parser's stack of members (one buffer for every object of
        // the document), then made into a dictionary of the right size at once: growing one
        // member by member rehashed each object's keys several times over.
        let start = members.count
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object([:])
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a member name") }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            skipSpace()
            var child: Int? = node
            if let wanted { child = wanted.first { $0.name == key }?.node }
            if let child {
                if depth == 1, let stream, stream.state == .notSeen, key == stream.member, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
                    members.append((key, try array(depth: depth + 1, node: child, streamed: true)))
                } else {
                    members.append((key, try value(depth: depth, node: child)))
                }
            } else {
                try skip(depth: depth)
            }
            skipSpace()
            guard index < bytes.count else { throw failure("unexpected end of text") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
            index += 1
            // A name given twice keeps its last value, as before.
            var object = [String: JSONValue](minimumCapacity: members.count - start)
            for (name, value) in members[start...] { object[name] = value }
            members.removeSubrange(start...)
            return .object(object)
        }
    }

    /// An array; the streamed member's (`streamed`) hands each element over and keeps none.
    private mutating func array(depth: Int, node: Int, streamed: Bool = false) throws(Failure) -> JSONValue {
        guard depth <= Self.maximumDepth else { throw failure("nested too deeply") }
        if streamed { stream?.state = .taken }
        index += 1
        var elements: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipSpace()
            let element = try value(depth: depth, node: node)
            if !streamed {
                elements.append(element)
            } else if stream?.state == .taken, stream?.element(element) == false {
                stream?.state = .refused
            }
            skipSpace()
            guard index < bytes.count else { throw failure("unexpected end of text") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
            index += 1
            return .array(elements)
        }
    }
}

// Strings and numbers: the tokens with a body.
extension JSONParser {
    /// A string token; `index` is at its opening quote. Runs without escapes are copied as they
    /// are (the common case: one slice, one String).
    private mutating func string() throws(Failure) -> String {
        index += 1
        let start = index
        index = plainRunEnd(from: index)
        guard index < bytes.count else { throw failure("unterminated string") }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            defer { index += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        case UInt8(ascii: "\\"):
            return try escapedString(from: start)
        default:
            throw failure("control character in a string")
        }
    }

    /// Where the run of a string's bytes that need no look (not a quote, a backslash or a
    /// control character) ends, from `start`. Eight bytes are looked at together: a list page
    /// is mostly long strings (URLs, titles), a quarter of a megabyte of them per page.
    private func plainRunEnd(from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count, !Self.holdsSpecialByte(UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return index }
            index += 1
        }
        return index
    }

    /// Whether one of the word's eight bytes is a quote, a backslash or below 0x20 (the
    /// classic test for a zero byte, applied to the word and to it XORed with each character;
    /// exact, not an estimate).
    private static func holdsSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let zeroQuote = (quotes &- ones) & ~quotes
        let zeroBackslash = (backslashes &- ones) & ~backslashes
        let control = (word &- ones &* 0x20) & ~word
        return (zeroQuote | zeroBackslash | control) & 0x8080_8080_8080_8080 != 0
    }

    private mutating func escapedString(from start: Int) throws(Failure) -> String {
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"): try escape(into: &utf8)
            case ..<0x20: throw failure("control character in a string")
            default: utf8.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(Failure) {
        guard index < bytes.count else { throw failure("unterminated string") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"): utf8.append(contentsOf: String(try unicodeScalar()).utf8)
        default: throw failure("invalid escape")
        }
    }

    /// `\uXXXX`, with a following `\uXXXX` when it is a surrogate pair; a lone surrogate
    /// becomes U+FFFD, as Foundation reads it.
    private mutating func unicodeScalar() throws(Failure) -> Unicode.Scalar {
        let first = try hex4()
        if (0xD800..<0xDC00).contains(first), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
            index += 2
            let second = try hex4()
            if (0xDC00..<0xE000).contains(second) {
                return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) ?? "\u{FFFD}"
            }
            return "\u{FFFD}"
        }
        return Unicode.Scalar(first) ?? "\u{FFFD}"
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("unterminated string") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A number token. Whole numbers of up to 15 digits are summed directly (exact in a
    /// Double); anything else goes through the standard library's correctly rounded parse.
    private mutating func number() throws(Failure) -> Double {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var whole: Int = 0
        var digits = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            whole = whole &* 10 &+ Int(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        guard digits > 0 else { throw failure("invalid number") }
        guard digits == 1 || bytes[start + (negative ? 1 : 0)] != UInt8(ascii: "0") else { throw failure("invalid number (leading zero)") }
        var simple = digits <= 15
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            simple = false
            index += 1
            try digitRun()
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            simple = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            try digitRun()
        }
        if simple { return negative ? -Double(whole) : Double(whole) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text) else { throw failure("invalid number") }
        return value
    }

    private mutating func digitRun() throws(Failure) {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        guard index > start else { throw failure("invalid number") }
    }
}

// Values read past without being built (`parse(_:keeping:)`), checked as strictly as the rest.
extension JSONParser {
    private mutating func skip(depth: Int) throws(Failure) {
        guard index < bytes.count else { throw failure("unexpected end of text") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try skipContainer(depth: depth + 1, close: UInt8(ascii: "}"), members: true)
        case UInt8(ascii: "["): try skipContainer(depth: depth + 1, close: UInt8(ascii: "]"), members: false)
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        default: throw failure("unexpected character")
        }
    }

    /// An object (`members`: each value after a name and a colon) or an array, up to `close`.
    private mutating func skipContainer(depth: Int, close: UInt8, members: Bool) throws(Failure) {
        guard depth <= Self.maximumDepth else { throw failure("nested too deeply") }
        index += 1
        skipSpace()
        if index < bytes.count, bytes[index] == close {
            index += 1
            return
        }
        while true {
            skipSpace()
            if members {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a member name") }
                try skipString()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
                index += 1
                skipSpace()
            }
            try skip(depth: depth)
            skipSpace()
            guard index < bytes.count else { throw failure("unexpected end of text") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard bytes[index] == close else { throw failure(members ? "expected ',' or '}'" : "expected ',' or ']'") }
            index += 1
            return
        }
    }

    /// A string: escapes checked as `escape(into:)` checks them, nothing kept.
    private mutating func skipString() throws(Failure) {
        index += 1
        while true {
            index = plainRunEnd(from: index)
            guard index < bytes.count else { throw failure("unterminated string") }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                index += 1
                var discarded: [UInt8] = []
                try escape(into: &discarded)
            default:
                throw failure("control character in a string")
            }
        }
    }
}
