import Foundation

/// Reads a journal one line at a time, so that a long journal (an apply of thousands of
/// objects) is never held whole beside the snapshot its entries are applied to.
struct JournalReader {
    /// One line holds one object's state; a line longer than this is not one castform wrote,
    /// and reading on would only fill memory.
    static let maximumLineLength = 64 << 20

    struct Line {
        /// From 1, for messages.
        var number: Int
        var bytes: Data
        /// False only for a last line without its newline: a write a crash cut short.
        var terminated: Bool
    }

    let descriptor: Int32
    var limit = JournalReader.maximumLineLength
    /// How much is read at a time.
    var chunkSize = 1 << 20

    /// Calls `body` with every line in order. Throws `JournalProblem.lineTooLong` for a line
    /// over the limit, `.unreadable` when reading fails.
    func forEachLine(_ body: (Line) throws -> Void) throws {
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var pending = Data()
        var number = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw JournalProblem.unreadable(reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            var start = 0
            while let newline = chunk[start..<count].firstIndex(of: UInt8(ascii: "\n")) {
                number += 1
                pending.append(contentsOf: chunk[start..<newline])
                try checkLength(pending.count, line: number)
                try body(Line(number: number, bytes: pending, terminated: true))
                pending.removeAll(keepingCapacity: true)
                start = newline + 1
            }
            pending.append(contentsOf: chunk[start..<count])
            try checkLength(pending.count, line: number + 1)
        }
        if !pending.isEmpty { try body(Line(number: number + 1, bytes: pending, terminated: false)) }
    }

    private func checkLength(_ length: Int, line: Int) throws {
        if length > limit { throw JournalProblem.lineTooLong(line: line, limit: limit) }
    }
}
