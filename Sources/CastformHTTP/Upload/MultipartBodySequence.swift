import _NIOFileSystem
import NIOCore

/// The bytes of a multipart body, produced on demand: in-memory segments as they are, files in
/// 256 KiB chunks read by NIO's file system off the event loops.
///
/// async-http-client pulls the next chunk only when the connection can take it, so at most a
/// few chunks are in memory whatever the file's size. 256 KiB measured best here: 1 MiB chunks
/// raised peak memory several-fold without being faster (reference/SWIFT-NOTES.md).
struct MultipartBodySequence: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    static let chunkLength: ByteCount = .kibibytes(256)

    let segments: [MultipartForm.Segment]
    /// Open handles for the `.file` segments, in order.
    let files: [ReadFileHandle]
    let total: Int64
    let onProgress: (@Sendable (Int64, Int64) -> Void)?

    func makeAsyncIterator() -> Iterator {
        Iterator(sequence: self)
    }

    struct Iterator: AsyncIteratorProtocol {
        let sequence: MultipartBodySequence
        private var segmentIndex = 0
        private var fileIndex = 0
        private var chunks: FileChunks.AsyncIterator?
        private var currentFile: (path: String, remaining: Int64)?
        private var sent: Int64 = 0

        init(sequence: MultipartBodySequence) {
            self.sequence = sequence
        }

        mutating func next() async throws -> ByteBuffer? {
            while true {
                if var iterator = chunks, let file = currentFile {
                    if let chunk = try await iterator.next() {
                        chunks = iterator
                        currentFile = (file.path, file.remaining - Int64(chunk.readableBytes))
                        return report(chunk)
                    }
                    guard file.remaining == 0 else { throw MultipartForm.FileError.changed(path: file.path) }
                    chunks = nil
                    currentFile = nil
                }
                guard segmentIndex < sequence.segments.count else { return nil }
                let segment = sequence.segments[segmentIndex]
                segmentIndex += 1
                switch segment {
                case .bytes(let bytes):
                    return report(ByteBuffer(bytes: bytes))
                case .file(let path, let size):
                    let handle = sequence.files[fileIndex]
                    fileIndex += 1
                    chunks = handle.readChunks(in: 0..<size, chunkLength: MultipartBodySequence.chunkLength).makeAsyncIterator()
                    currentFile = (path, size)
                }
            }
        }

        private mutating func report(_ chunk: ByteBuffer) -> ByteBuffer {
            sent += Int64(chunk.readableBytes)
            sequence.onProgress?(sent, sequence.total)
            return chunk
        }
    }
}
