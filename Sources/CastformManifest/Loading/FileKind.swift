import Foundation

/// What a path names: a regular file, or what it is instead.
///
/// castform reads manifests and uploads files only when they are regular files: a device
/// (`/dev/zero`) or a FIFO has no end, and reading one would run — or upload — forever.
public enum FileKind: Sendable, Hashable {
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
}
