import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file behind a persisted store: `<name>.journal`, one JSON line per change, appended as
/// changes happen and rewritten whole (compacted) at load when it holds more lines than rows,
/// and while running when it has grown to twice its rows.
///
/// Lines are written with one `write(2)` each and no fsync: a killed process (the sandbox dies
/// with castform) loses nothing that was acknowledged; only a crash of the machine can tear the
/// last line, which loading then drops. Compaction writes a new file, syncs it and renames it
/// over the old one, so a crash leaves either journal whole.
///
/// Owned by one `EmulatorStore` actor, which serialises every use.
final class StoreJournal<Contents: StoreContents> {
    let file: URL
    private var handle: FileHandle
    private var lines: Int
    /// Encoded lines not yet written, because a write failed; sent before the next ones.
    private var unwritten = Data()
    private let encoder = JSONEncoder()
    /// Lines beyond the row count tolerated before a compaction.
    private static var slack: Int { 1024 }

    /// Opens the journal in `directory`, loading what it holds (or migrating `<name>.json`, the
    /// earlier one-document format), and returns it with the contents.
    static func open(directory: URL, name: String) throws -> (StoreJournal, Contents) {
        let file = directory.appendingPathComponent("\(name).journal")
        let legacy = directory.appendingPathComponent("\(name).json")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw EmulatorStoreError.unwritable(file: directory.path, reason: EmulatorStoreError.describe(error))
        }
        var contents: Contents
        var lineCount = 0
        var compact: Bool
        if FileManager.default.fileExists(atPath: file.path) {
            (contents, lineCount, compact) = try replay(file)
        } else if FileManager.default.fileExists(atPath: legacy.path) {
            contents = try migrate(legacy)
            compact = true
        } else {
            contents = Contents()
            compact = false
        }
        _ = contents.takeChanges()
        let snapshot = contents.snapshot
        if compact || lineCount > snapshot.count + slack {
            try write(snapshot, to: file)
            lineCount = snapshot.count
        } else if !FileManager.default.fileExists(atPath: file.path) {
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
                throw EmulatorStoreError.unwritable(file: file.path, reason: "the file cannot be created")
            }
        }
        // The journal now holds everything the old document did (and, being there, is what
        // loads next time even if the document cannot be removed).
        if FileManager.default.fileExists(atPath: legacy.path) { try? FileManager.default.removeItem(at: legacy) }
        let handle: FileHandle
        do {
            handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
        } catch {
            throw EmulatorStoreError.unwritable(file: file.path, reason: EmulatorStoreError.describe(error))
        }
        return (StoreJournal(file: file, handle: handle, lines: lineCount), contents)
    }

    private init(file: URL, handle: FileHandle, lines: Int) {
        self.file = file
        self.handle = handle
        self.lines = lines
    }

    deinit { try? handle.close() }

    /// Writes `changes` (after any lines an earlier failure left unwritten); compacts to
    /// `contents` when the journal has grown to twice its rows.
    func append(_ changes: [Contents.Change], contents: Contents) throws {
        guard !changes.isEmpty || !unwritten.isEmpty else { return }
        do {
            for change in changes {
                unwritten.append(try encoder.encode(change))
                unwritten.append(0x0A)
            }
            try handle.write(contentsOf: unwritten)
        } catch {
            throw EmulatorStoreError.unwritable(file: file.path, reason: EmulatorStoreError.describe(error))
        }
        unwritten.removeAll(keepingCapacity: true)
        lines += changes.count
        if lines > 2 * contents.rowCount + Self.slack { try compact(contents) }
    }

    /// Rewrites the journal as one line per row.
    func compact(_ contents: Contents) throws {
        let snapshot = contents.snapshot
        try Self.write(snapshot, to: file)
        do {
            try handle.close()
            handle = try FileHandle(forWritingTo: file)
            try handle.seekToEnd()
        } catch {
            throw EmulatorStoreError.unwritable(file: file.path, reason: EmulatorStoreError.describe(error))
        }
        lines = snapshot.count
    }

    // MARK: Loading

    /// Replays every line of the journal; a line that does not decode is an error naming it,
    /// except a last line without its newline (torn by a crash), which is dropped.
    private static func replay(_ file: URL) throws -> (Contents, lines: Int, torn: Bool) {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw EmulatorStoreError.unreadable(file: file.path, reason: EmulatorStoreError.describe(error))
        }
        var contents = Contents()
        let decoder = JSONDecoder()
        var number = 0
        var torn = false
        var start = data.startIndex
        while start < data.endIndex {
            number += 1
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            let line = data[start..<end]
            defer { start = end < data.endIndex ? data.index(after: end) : end }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            do {
                contents.apply(try decoder.decode(Contents.Change.self, from: line))
            } catch where end == data.endIndex {
                torn = true
            } catch {
                throw EmulatorStoreError.corruptLine(file: file.path, line: number, reason: EmulatorStoreError.describe(error))
            }
        }
        return (contents, number, torn)
    }

    private static func migrate(_ legacy: URL) throws -> Contents {
        let data: Data
        do {
            data = try Data(contentsOf: legacy)
        } catch {
            throw EmulatorStoreError.unreadable(file: legacy.path, reason: EmulatorStoreError.describe(error))
        }
        do {
            return Contents(migrating: try JSONDecoder().decode(Contents.Legacy.self, from: data))
        } catch {
            throw EmulatorStoreError.corruptDocument(file: legacy.path, reason: EmulatorStoreError.describe(error))
        }
    }

    /// Writes `changes` to a new file beside `file`, syncs it and renames it over `file`.
    private static func write(_ changes: [Contents.Change], to file: URL) throws {
        let encoder = JSONEncoder()
        let temporary = file.appendingPathExtension("new")
        do {
            var data = Data()
            for change in changes {
                data.append(try encoder.encode(change))
                data.append(0x0A)
            }
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw EmulatorStoreError.unwritable(file: temporary.path, reason: "the file cannot be created")
            }
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, file.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? EmulatorStoreError { throw error }
            throw EmulatorStoreError.unwritable(file: file.path, reason: EmulatorStoreError.describe(error))
        }
    }
}
