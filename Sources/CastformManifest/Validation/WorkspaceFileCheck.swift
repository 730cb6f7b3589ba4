import CastformCore
import Foundation

/// The checks on a file a manifest names for upload, made before anything is sent: the file is
/// inside the workspace (unless castform.yaml allows otherwise), exists, is a regular file,
/// is readable, and is within the service's size limit.
///
/// Validation runs them on paths written in manifests (and on variables); planning runs them
/// on paths only known then (`${env.AUDIO_DIR}/show.mp3`), so a manifest from a pull request
/// cannot upload the CI runner's files either way.
public enum WorkspaceFileCheck {
    /// Every problem with the file `path` (workspace-relative, or absolute) names. A path read
    /// from the environment is `hidden`: messages do not print it (environment values are secrets).
    public static func problems(_ path: String, attribute name: String, maxBytes: Int64, at location: SourceLocation,
                                workspace: Workspace, hidden: Bool = false) -> [Diagnostic] {
        let shown = hidden ? FileProblem.hiddenPath : workspace.displayPath(path)
        return problems(path, attribute: name, maxBytes: maxBytes, shown: shown, workspace: workspace)
            .map { .manifest(.file($0), at: location) }
    }

    static func problems(_ path: String, attribute name: String, maxBytes: Int64, shown: String,
                         workspace: Workspace) -> [FileProblem] {
        let absolute = workspace.absolutePath(path)
        var problems: [FileProblem] = []
        if let escape = escape(absolute, workspace: workspace) {
            let config = workspace.config
            problems.append(.outsideWorkspace(attribute: name, path: shown, escape: escape,
                                              allowed: config.files.allowOutsideWorkspace, settingsFile: config.fileName))
        }
        var info = stat()
        guard stat(absolute, &info) == 0 else { return problems + [.missing(attribute: name, path: shown)] }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else { return problems + [.notARegularFile(attribute: name, path: shown, kind: kind)] }
        guard access(absolute, R_OK) == 0 else { return problems + [.unreadable(attribute: name, path: shown)] }
        let size = Int64(info.st_size)
        if size > maxBytes {
            problems.append(.tooLarge(attribute: name, path: shown, size: size, limit: maxBytes))
        }
        return problems
    }

    /// How a path leaves the workspace: as written (`../x`, `/etc/passwd`), or through a
    /// symbolic link on the way (to the resolved target).
    public enum Escape: Sendable, Hashable {
        case written
        case link(to: String)
    }

    /// nil when the path stays inside the workspace. Links are resolved when the file exists
    /// (the root's own links too, so `/tmp` being a link changes nothing); a missing file is
    /// judged by its path as written.
    static func escape(_ absolute: String, workspace: Workspace) -> Escape? {
        let root = WorkspacePath.normalise(workspace.absoluteRoot)
        let writtenInside = isWithin(WorkspacePath.normalise(absolute), root)
        guard let real = resolved(absolute) else { return writtenInside ? nil : .written }
        // A resolved path has no links left in it: under the root as written, it is inside
        // (and the root need not be resolved again for each of 10,000 files).
        if isWithin(real, root) { return nil }
        guard let realRoot = resolved(root) else { return writtenInside ? nil : .written }
        if isWithin(real, realRoot) { return nil }
        return writtenInside ? .link(to: real) : .written
    }

    static func isWithin(_ path: String, _ root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root + "/")
    }

    /// The path with every symbolic link resolved, or nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
