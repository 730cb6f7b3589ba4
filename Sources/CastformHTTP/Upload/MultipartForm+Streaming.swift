import AsyncHTTPClient
import NIOCore

extension MultipartForm {
    /// Opens the form's files and hands `body` a streaming request body over them with an exact
    /// length. `eventLoop` must be the loop of the connection that sends the body. A file that
    /// cannot be opened fails here, before a byte is sent.
    func withStreamingBody<Result>(
        pacedBy eventLoop: any EventLoop,
        _ body: (HTTPClientRequest.Body) async throws -> Result
    ) async throws -> Result {
        let (segments, length) = try layout()
        let readers = try segments.compactMap { segment -> FileReader? in
            if case .file(let path, _) = segment { return try FileReader(path: path) }
            return nil
        }
        let sequence = MultipartBodySequence(
            segments: segments,
            files: readers,
            total: length,
            eventLoop: eventLoop,
            onProgress: onProgress
        )
        return try await body(.stream(sequence, length: .known(length)))
    }
}
