extension MultipartForm {
    /// A file of the form could not be sent as it was measured.
    public enum FileError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Missing, not a regular file, or not readable; `reason` says which.
        case unreadable(path: String, reason: String)
        /// The file's size changed between measuring and sending, so the `Content-Length`
        /// already announced would be wrong.
        case changed(path: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
            case .changed(let path): "\(path) changed while it was being uploaded"
            }
        }
    }
}
