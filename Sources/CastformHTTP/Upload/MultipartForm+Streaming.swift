import AsyncHTTPClient
import _NIOFileSystem

extension MultipartForm {
    /// Opens the form's files, hands `body` a streaming request body over them with an exact
    /// length, and closes the files when `body` returns. The files stay open for exactly the
    /// lifetime of the request, however it ends.
    func withStreamingBody<Result>(_ body: (HTTPClientRequest.Body) async throws -> Result) async throws -> Result {
        let (segments, length) = try layout()
        let paths = segments.compactMap { segment -> String? in
            if case .file(let path, _) = segment { return path }
            return nil
        }
        return try await Self.withOpenFiles(paths[...], opened: []) { handles in
            let sequence = MultipartBodySequence(segments: segments, files: handles, total: length, onProgress: onProgress)
            return try await body(.stream(sequence, length: .known(length)))
        }
    }

    private static func withOpenFiles<Result>(
        _ paths: ArraySlice<String>,
        opened: [ReadFileHandle],
        _ body: ([ReadFileHandle]) async throws -> Result
    ) async throws -> Result {
        guard let path = paths.first else { return try await body(opened) }
        let handle: ReadFileHandle
        do {
            handle = try await FileSystem.shared.openFile(forReadingAt: FilePath(path))
        } catch let error as FileSystemError {
            throw FileError.unreadable(path: path, reason: error.message)
        }
        let result: Result
        do {
            result = try await withOpenFiles(paths.dropFirst(), opened: opened + [handle], body)
        } catch {
            try? await handle.close()
            throw error
        }
        try? await handle.close()
        return result
    }
}
