import Foundation

/// File writes that survive a crash at any instant: temp file, fsync, rename, fsync of the
/// directory. Files are created with mode 0600 (state and journals may name private things).
enum DurableFile {
    static func writeAtomically(_ data: Data, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = directory + "/." + (path as NSString).lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
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

    /// Appends one line and fsyncs it before returning.
    static func appendLine(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else { throw StateError.unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try writeAll(fd, data + Data([UInt8(ascii: "\n")]), path: path)
        guard fsync(fd) == 0 else { throw StateError.unwritable(path: path, reason: String(cString: strerror(errno))) }
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
