/// A `multipart/form-data` body of text fields and files, streamed from disk when sent.
///
/// The form holds paths, not bytes: a 4 GiB show is read in 256 KiB chunks while it is sent,
/// with back-pressure from the connection, so memory stays flat. Its length is known before
/// the first byte goes out (file sizes come from `stat`), so it is sent with `Content-Length`
/// rather than chunked encoding, which some upload endpoints refuse.
public struct MultipartForm: Sendable {
    public enum Part: Sendable, Hashable {
        case field(name: String, value: String)
        case file(name: String, filename: String, contentType: String, path: String)
    }

    public var parts: [Part]
    public var boundary: String
    /// Called as the body is handed to the connection, with bytes so far and the total; the
    /// last call has `sent == total`. Calls come from the uploading task, in order.
    public var onProgress: (@Sendable (_ sent: Int64, _ total: Int64) -> Void)?

    public init(
        parts: [Part] = [],
        boundary: String = MultipartForm.makeBoundary(),
        onProgress: (@Sendable (_ sent: Int64, _ total: Int64) -> Void)? = nil
    ) {
        self.parts = parts
        self.boundary = boundary
        self.onProgress = onProgress
    }

    public mutating func addField(_ name: String, _ value: String) {
        parts.append(.field(name: name, value: value))
    }

    /// Adds the file at `path`; `filename` defaults to the path's last component.
    public mutating func addFile(_ name: String, path: String, filename: String? = nil, contentType: String = "application/octet-stream") {
        let filename = filename ?? String(path.split(separator: "/").last ?? Substring(path))
        parts.append(.file(name: name, filename: filename, contentType: contentType, path: path))
    }

    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Whether any part is a file (streamed from disk when sent).
    public var hasFiles: Bool {
        parts.contains { if case .file = $0 { true } else { false } }
    }

    /// The exact number of bytes the body will have, from the files' current sizes.
    public func contentLength() throws -> Int64 {
        try layout().length
    }

    /// A boundary that cannot plausibly occur in a field or a file: 32 random alphanumerics.
    public static func makeBoundary() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return "castform-" + String((0..<32).map { _ in alphabet.randomElement()! })
    }
}
