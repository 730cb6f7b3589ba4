import Foundation
import NIOCore
import NIOPosix

/// A file being uploaded: `pread` on NIO's blocking-I/O thread pool (never on an event loop or
/// a cooperative thread) into buffers the caller reuses.
///
/// Reusing buffers is the point. Reading each chunk into a newly allocated buffer made the
/// kernel map and zero fresh pages for every chunk: 130,000 page faults per GiB and twice
/// curl's CPU time. The descriptor is closed when the last reference goes, so no read can be
/// in flight on a closed (and possibly reused) descriptor.
final class FileReader: Sendable {
    let path: String
    private let descriptor: CInt

    /// Only a regular file is read: a device (`/dev/zero`) or a FIFO has no end, and would be
    /// uploaded forever. Validation says so first; this holds if the file changed since.
    /// (Non-blocking, so opening a FIFO does not wait for a writer; reads of a regular file are
    /// unaffected.)
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw MultipartForm.FileError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw MultipartForm.FileError.unreadable(path: path, reason: "not a regular file")
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Replaces the contents of `chunk` with up to `length` bytes from `offset`, reading until
    /// `length` or the end of the file; returns how many bytes were read.
    func read(into chunk: ChunkBuffer, at offset: Int64, length: Int) async throws -> Int {
        try await NIOThreadPool.singleton.runIfActive { [descriptor, path] in
            chunk.buffer.clear()
            return try chunk.buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: length) { pointer in
                var total = 0
                while total < length {
                    let count = pread(descriptor, pointer.baseAddress! + total, length - total, off_t(offset) + off_t(total))
                    if count > 0 {
                        total += count
                    } else if count == 0 {
                        break
                    } else if errno != EINTR {
                        throw MultipartForm.FileError.unreadable(path: path, reason: String(cString: strerror(errno)))
                    }
                }
                return total
            }
        }
    }
}

/// A buffer handed back and forth between an upload's reads and its writes.
///
/// A class so the thread pool can fill the buffer in place: a `ByteBuffer` captured by value
/// would be shared with the capture and copied on write, which is the allocation this avoids.
/// Once the connection has written a chunk it drops its copy, the buffer is unique again, and
/// `clear()` keeps its memory; if the connection still holds it, `clear()` allocates a fresh
/// one, which is correct and merely slower. Only one task uses a given instance at a time.
// @unchecked: the buffer changes hands between the reading task and the connection, one user
// at a time, as described above; no lock could say that to the compiler without costing the
// copy this type exists to avoid.
final class ChunkBuffer: @unchecked Sendable {
    var buffer: ByteBuffer

    init(capacity: Int) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }
}
