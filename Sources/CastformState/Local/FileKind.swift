import Foundation

/// What a path names, asked before reading it: `FileManager.contents(atPath:)` answers nil
/// for a directory as for a missing file, and a state file that is a directory must not read
/// as no state at all.
enum FileKind: Equatable {
    case missing
    case file
    /// A directory, a FIFO, a device: nothing castform wrote.
    case notAFile
    case unreadable(reason: String)

    init(_ path: String) {
        var info = stat()
        if stat(path, &info) != 0 {
            self = errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable(reason: String(cString: strerror(errno)))
        } else {
            self = (info.st_mode & S_IFMT) == S_IFREG ? .file : .notAFile
        }
    }
}
