import Foundation

/// What a path names, in words for messages.
///
/// castform reads manifests and uploads files only when they are regular files: a device
/// (`/dev/zero`) or a FIFO has no end, and reading one would run — or upload — forever.
enum FileKind: Sendable, Equatable {
    case regular, directory, characterDevice, blockDevice, fifo, socket, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// "a directory", "a character device", ...
    var phrase: String {
        switch self {
        case .regular: return "a regular file"
        case .directory: return "a directory"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .fifo: return "a FIFO (named pipe)"
        case .socket: return "a socket"
        case .other: return "not a file castform can read"
        }
    }

    /// ", which is a FIFO (named pipe), not a regular file"; a directory is simply "not a file".
    var whichIsNotAFile: String {
        switch self {
        case .regular: return ""
        case .directory: return ", which is a directory, not a file"
        case .other: return ", which is \(phrase)"
        default: return ", which is \(phrase), not a regular file"
        }
    }
}
