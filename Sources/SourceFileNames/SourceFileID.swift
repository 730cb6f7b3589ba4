// SourceFileNames: positions in source files (`SourcePosition`), their files named by small
// numbers, for what YAML's nodes and castform's decoded values carry by the hundred thousand.

import Synchronization

/// A file name as a small number, the same number for the same name throughout the process.
///
/// Every YAML node has a `Mark` and every decoded value and object key a `SourceLocation`, and
/// 10,000 declarations hold hundreds of thousands: with the name itself in each, every copy
/// retained it again. With a number, a position is plain bytes, copied without touching a
/// reference count. Names are only looked up again to word a message or order diagnostics.
public struct SourceFileID: Sendable, Hashable {
    let index: UInt32

    /// The number of `name`, given to it the first time it is seen. Callers that make many
    /// locations in one file (the decoders) ask once per file.
    public init(_ name: String) {
        index = FileNameTable.shared.index(of: name)
    }

    public var name: String {
        FileNameTable.shared.name(at: index)
    }
}

/// The process's table of file names. It only grows: a run reads a workspace's few hundred
/// files, and a test process some thousands of temporary ones (a long-lived process that
/// reads ever new files would want it pruned).
///
/// Names are told apart by their bytes, as the file system tells them apart: two names that
/// Swift's `==` calls equal (`é` as one code point or as `e` and an accent) are two files.
final class FileNameTable: Sendable {
    static let shared = FileNameTable()

    private struct Table {
        var names: [String] = []
        var indices: [[UInt8]: UInt32] = [:]
    }

    private let table = Mutex(Table())

    func index(of name: String) -> UInt32 {
        let bytes = Array(name.utf8)
        return table.withLock { table in
            if let index = table.indices[bytes] { return index }
            let index = UInt32(table.names.count)
            table.names.append(name)
            table.indices[bytes] = index
            return index
        }
    }

    func name(at index: UInt32) -> String {
        table.withLock { $0.names[Int(index)] }
    }
}
