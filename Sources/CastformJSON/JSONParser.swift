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

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    private var stream: Stream?
    /// What is built (`parse(_:keeping:)`); each value is read against one of its nodes.
    private var selection = JSONSelection.all.nodes
    /// The members of the objects being read, innermost last.
    private var members: [(String, JSONValue)] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    func failure(_ reason: String) -> Failure {
        Failure(offset: index, reason: reason)
    }

    mutating func skipSpace() {
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

    mutating func literal(_ word: StaticString) throws(Failure) {
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
