import Foundation

/// Reads a workspace file under castform's size limit, checking before reading.
///
/// The size is taken from the open file (`fstat`), so a 200 MB manifest is refused without
/// reading a byte of it, and at most `limit + 1` bytes are ever read, so a file that grows
/// meanwhile cannot slip through whole. Only regular files are read: a FIFO named
/// `castform.yaml` would block forever, and `/dev/zero` would never end.
enum SourceReader {
    enum Failure: Error, Equatable {
        case unreadable
        case notRegular(FileKind)
        /// The file's size, or at least what was read of it when it grew past the limit.
        case tooLarge(Int64)
    }

    static func contents(of path: String, limit: Int) -> Result<[UInt8], Failure> {
        // Non-blocking, so opening a FIFO does not wait for a writer; reads of a regular file
        // are unaffected.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable) }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else { return .failure(.notRegular(kind)) }
        guard Int64(info.st_size) <= Int64(limit) else { return .failure(.tooLarge(Int64(info.st_size))) }
        guard let bytes = readUpTo(limit + 1, from: descriptor, expected: Int(info.st_size)) else { return .failure(.unreadable) }
        guard bytes.count <= limit else {
            let now = fstat(descriptor, &info) == 0 ? Int64(info.st_size) : 0
            return .failure(.tooLarge(max(now, Int64(bytes.count))))
        }
        return .success(bytes)
    }

    /// Up to `maximum` bytes, until the end of the file; nil on a read error.
    private static func readUpTo(_ maximum: Int, from descriptor: Int32, expected: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(maximum, expected + 1))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < maximum {
            let wanted = min(chunk.count, maximum - bytes.count)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
