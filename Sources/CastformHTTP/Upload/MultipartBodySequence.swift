import NIOCore

/// The bytes of a multipart body, produced on demand: in-memory segments as they are, files in
/// 256 KiB chunks read off the event loops into a ring of reused buffers (see `FileReader`).
///
/// async-http-client stops pulling chunks when the connection cannot take more, but it learns
/// that on the event loop, while this sequence is read on another thread: when the loop's
/// thread is starved of CPU (two cores, a busy server beside it), a fast file read runs ahead
/// and queues hundreds of chunks on the loop (peaks of 200 MiB measured for a 1 GiB upload).
/// So with each file chunk the sequence submits a no-op to the connection's event loop, and
/// before reading a chunk it waits for the no-op submitted two chunks earlier: tasks run in
/// order, so every write before it has reached the channel by then, and if the channel filled
/// up, async-http-client has already paused the stream. Waiting two chunks behind rather than
/// one keeps the wait (almost always already over) out of the pipeline. Memory stays at a few
/// chunks whatever the file's size. 256 KiB chunks measured best here: 1 MiB chunks raised
/// peak memory several-fold without being faster (reference/SWIFT-NOTES.md).
struct MultipartBodySequence: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    static let chunkLength = 256 << 10
    /// Buffers in the ring: more than the chunks that can be in flight (two behind the pacing
    /// marker, one being written, one being read), so a buffer is free again when its turn comes.
    static let ringSize = 8

    let segments: [MultipartForm.Segment]
    /// Readers for the `.file` segments, in order.
    let files: [FileReader]
    let total: Int64
    /// The loop of the connection sending the body, to pace reading against.
    let eventLoop: any EventLoop
    let onProgress: (@Sendable (Int64, Int64) -> Void)?

    func makeAsyncIterator() -> Iterator {
        Iterator(sequence: self)
    }

    struct Iterator: AsyncIteratorProtocol {
        let sequence: MultipartBodySequence
        private var segmentIndex = 0
        private var fileIndex = 0
        /// The file being sent: its reader, size, and how much of it has been read.
        private var file: (reader: FileReader, size: Int64, offset: Int64)?
        private var ring: [ChunkBuffer] = []
        private var ringIndex = 0
        private var sent: Int64 = 0
        /// No-ops submitted to the event loop, oldest first; see the type's comment.
        private var markers: [EventLoopFuture<Void>] = []

        init(sequence: MultipartBodySequence) {
            self.sequence = sequence
        }

        mutating func next() async throws -> ByteBuffer? {
            while true {
                if let current = file {
                    if current.offset < current.size {
                        return try await readChunk(of: current)
                    }
                    file = nil
                }
                guard segmentIndex < sequence.segments.count else { return nil }
                let segment = sequence.segments[segmentIndex]
                segmentIndex += 1
                switch segment {
                case .bytes(let bytes):
                    return report(ByteBuffer(bytes: bytes))
                case .file(_, let size):
                    file = (sequence.files[fileIndex], size, 0)
                    fileIndex += 1
                }
            }
        }

        private mutating func readChunk(of current: (reader: FileReader, size: Int64, offset: Int64)) async throws -> ByteBuffer {
            markers.append(sequence.eventLoop.submit {})
            if markers.count > 2 {
                try await markers.removeFirst().get()
            }
            if ring.count < MultipartBodySequence.ringSize {
                ring.append(ChunkBuffer(capacity: MultipartBodySequence.chunkLength))
            }
            let chunk = ring[ringIndex % ring.count]
            ringIndex += 1
            let length = Int(Swift.min(Int64(MultipartBodySequence.chunkLength), current.size - current.offset))
            let count = try await current.reader.read(into: chunk, at: current.offset, length: length)
            guard count == length else { throw MultipartForm.FileError.changed(path: current.reader.path) }
            file = (current.reader, current.size, current.offset + Int64(count))
            return report(chunk.buffer)
        }

        private mutating func report(_ chunk: ByteBuffer) -> ByteBuffer {
            sent += Int64(chunk.readableBytes)
            sequence.onProgress?(sent, sequence.total)
            return chunk
        }
    }
}
