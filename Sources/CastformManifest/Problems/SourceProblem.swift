/// Problems with the workspace's own files as files, found before any YAML is read. Paths are
/// as the user would type them from where castform runs.
public enum SourceProblem: Sendable, Hashable {
    /// The workspace directory given is not a directory.
    case notADirectory(root: String)
    /// The directory holds no `*.yaml` or `*.yml` file besides castform.yaml.
    case noManifests(root: String)
    /// Both castform.yaml and castform.yml exist: castform reads `read` and not `ignored`.
    case settingsInTwoFiles(read: String, ignored: String)
    /// The file cannot be opened or read.
    case unreadable(path: String)
    /// The path names a directory, a device or a FIFO, which castform never reads.
    case notARegularFile(path: String, kind: FileKind)
    /// The file is over castform's limit for one manifest (`size` may be what was read so far
    /// of a file that grew past the limit).
    case tooLarge(path: String, size: Int64, limit: Int64)
    /// The first byte that is not UTF-8; the diagnostic is placed at it.
    case notUTF8(byte: UInt8)
    /// A manifest with no documents, or only empty ones (a warning).
    case emptyManifest
}
