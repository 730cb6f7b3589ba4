import Foundation

/// File writes that survive a crash at any instant: temp file, fsync, rename, fsync of the
/// directory. Files are created with mode 0600 (state and journals may name private things).
enum DurableFile {
    static func writeAtomically(_ data: Data, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = directory + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StateError.unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try writeAll(fd, data, path: path)
        guard fsync(fd) == 0 else { throw StateError.unwritable(path: path, reason: String(cString: strerror(errno))) }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw StateError.unwritable(path: path, reason: String(cString: strerror(errno)))
        }
        syncDirectory(directory)
    }

    /// Appends each of `lines` with its newline in one write, then one fsync: a batch is
    /// durable together, and a crash mid-write leaves at most one cut line at the end.
    static func appendLines(_ lines: [Data], to path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StateError.unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try dropUnterminatedLine(fd, path: path)
        var data = Data(capacity: lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines {
            data.append(line)
            data.append(UInt8(ascii: "\n"))
        }
        try writeAll(fd, data, path: path)
        guard fsync(fd) == 0 else { throw StateError.unwritable(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Cuts a last line that has no newline — a write a crash cut short, never acknowledged —
    /// so that the next line does not run on from it: joined, the two would make one broken
    /// line in the middle of the file, which a reader must refuse, not skip.
    static func dropUnterminatedLine(_ fd: Int32, path: String) throws {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StateError.unwritable(path: path, reason: String(cString: strerror(errno))) }
        var end = Int64(info.st_size)
        var last: UInt8 = 0
        guard end > 0, pread(fd, &last, 1, off_t(end - 1)) == 1, last != UInt8(ascii: "\n") else { return }
        var chunk = [UInt8](repeating: 0, count: 4096)
        var cut: Int64 = 0
        while end > 0 {
            let start = max(0, end - Int64(chunk.count))
            let length = Int(end - start)
            let read = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, length, off_t(start)) }
            guard read == length else { throw StateError.unwritable(path: path, reason: "cannot read its end back") }
            if let newline = chunk[0..<length].lastIndex(of: UInt8(ascii: "\n")) {
                cut = start + Int64(newline) + 1
                break
            }
            end = start
        }
        guard ftruncate(fd, off_t(cut)) == 0 else { throw StateError.unwritable(path: path, reason: String(cString: strerror(errno))) }
    }

    static func writeAll(_ fd: Int32, _ data: Data, path: String) throws {
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw StateError.unwritable(path: path, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    static func createDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StateError.unwritable(path: path, reason: error.localizedDescription)
        }
    }
}
