import Foundation

/// A streaming parser for `multipart/form-data` bodies (RFC 7578 / RFC 2046 §5.1), fed chunk
/// by chunk as they arrive from the socket.
///
/// It never holds more than one chunk plus a boundary's length of a part's content, so a 4 GiB
/// upload streams to disk in constant memory. It reports events — a part begins (with its
/// headers), some of its bytes, the part ends — and leaves storage to its caller.
struct MultipartParser {
    enum Event: Equatable {
        case begin(MultipartPartHeaders)
        case data([UInt8])
        case end
    }

    enum ParseError: Error, Equatable {
        /// A part's header block is longer than `maxHeaderBytes` or not `Name: value` lines.
        case malformedHeaders
        /// A boundary was followed by something other than CRLF or `--`.
        case malformedBoundary
        /// The body ended before the closing boundary.
        case truncated
    }

    private enum State {
        case preamble, afterBoundary, headers, body, epilogue
    }

    private static let crlf: [UInt8] = [13, 10]
    private static let maxHeaderBytes = 16 * 1024

    /// CRLF "--" boundary: what separates parts. The body's first boundary has no CRLF before
    /// it, so the buffer starts with one.
    private let delimiter: [UInt8]
    private var buffer: [UInt8] = MultipartParser.crlf
    private var state = State.preamble

    init(boundary: String) {
        delimiter = MultipartParser.crlf + Array("--\(boundary)".utf8)
    }

    /// True once the closing boundary was read; anything after it is ignored.
    var isComplete: Bool { state == .epilogue }

    mutating func feed(_ bytes: some Collection<UInt8>) throws -> [Event] {
        guard state != .epilogue else { return [] }
        buffer.append(contentsOf: bytes)
        var events: [Event] = []
        while try step(into: &events) {}
        return events
    }

    /// Throws unless the closing boundary has been read.
    func finish() throws {
        guard state == .epilogue else { throw ParseError.truncated }
    }

    /// Advances by one state transition; false when more input is needed.
    private mutating func step(into events: inout [Event]) throws -> Bool {
        switch state {
        case .preamble:
            if let index = Self.find(delimiter, in: buffer) {
                buffer.removeFirst(index + delimiter.count)
                state = .afterBoundary
                return true
            }
            keepTail()
            return false
        case .afterBoundary:
            // Transport padding (spaces, tabs) may follow a boundary.
            while let first = buffer.first, first == 32 || first == 9 { buffer.removeFirst() }
            guard buffer.count >= 2 else { return false }
            if buffer[0] == 45, buffer[1] == 45 {
                state = .epilogue
                buffer.removeAll()
                return false
            }
            guard buffer[0] == 13, buffer[1] == 10 else { throw ParseError.malformedBoundary }
            // The CRLF stays: the header block is then "CRLF (line CRLF)* CRLF".
            state = .headers
            return true
        case .headers:
            guard let end = Self.find(Self.crlf + Self.crlf, in: buffer) else {
                if buffer.count > Self.maxHeaderBytes { throw ParseError.malformedHeaders }
                return false
            }
            let block = end > 2 ? Array(buffer[2..<end]) : []
            guard let headers = MultipartPartHeaders(block: block) else { throw ParseError.malformedHeaders }
            buffer.removeFirst(end + 4)
            events.append(.begin(headers))
            state = .body
            return true
        case .body:
            if let index = Self.find(delimiter, in: buffer) {
                if index > 0 { events.append(.data(Array(buffer[..<index]))) }
                events.append(.end)
                buffer.removeFirst(index + delimiter.count)
                state = .afterBoundary
                return true
            }
            // Everything but a possible start of the delimiter is content.
            let safe = buffer.count - (delimiter.count - 1)
            if safe > 0 {
                events.append(.data(Array(buffer[..<safe])))
                buffer.removeFirst(safe)
            }
            return false
        case .epilogue:
            return false
        }
    }

    /// Drops all but what could be the start of a delimiter.
    private mutating func keepTail() {
        let excess = buffer.count - (delimiter.count - 1)
        if excess > 0 { buffer.removeFirst(excess) }
    }

    /// The first index of `pattern` in `haystack`. C's `memchr` finds candidates for the
    /// first byte and `memcmp` checks the rest: both are fast also in debug builds, where a
    /// Swift byte loop would make a 1 GiB upload take minutes.
    static func find(_ pattern: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = pattern.first, haystack.count >= pattern.count else { return nil }
        return haystack.withUnsafeBytes { hay -> Int? in
            pattern.withUnsafeBytes { pat -> Int? in
                guard let base = hay.baseAddress, let needle = pat.baseAddress else { return nil }
                let last = hay.count - pat.count
                var start = 0
                while start <= last {
                    guard let found = memchr(base + start, Int32(first), last - start + 1) else { return nil }
                    let candidate = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(base + candidate, needle, pat.count) == 0 { return candidate }
                    start = candidate + 1
                }
                return nil
            }
        }
    }
}
