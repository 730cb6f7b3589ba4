/// A file a manifest names for upload, checked before anything is sent (`WorkspaceFileCheck`).
/// `path` is as messages show it: a workspace path as the user types it, or words for a path
/// that must not be shown (one read from the environment).
public enum FileProblem: Sendable, Hashable {
    /// The path leads outside the workspace: as written, or through a link (`escape`).
    /// `allowed` when castform.yaml (`settingsFile`) allows it, which makes this a warning.
    case outsideWorkspace(attribute: String, path: String, escape: WorkspaceFileCheck.Escape, allowed: Bool,
                          settingsFile: String)
    case missing(attribute: String, path: String)
    /// A directory, a device, a FIFO: nothing castform uploads.
    case notARegularFile(attribute: String, path: String, kind: FileKind)
    case unreadable(attribute: String, path: String)
    /// Over the service's limit for the attribute, in bytes.
    case tooLarge(attribute: String, path: String, size: Int64, limit: Int64)

    /// Whether castform.yaml allows the problem: then it is a warning, not an error.
    var isAllowed: Bool {
        if case .outsideWorkspace(_, _, _, let allowed, _) = self { return allowed }
        return false
    }
}
