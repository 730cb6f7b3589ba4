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
    /// Every problem with the file `path` (workspace-relative, or absolute) names. `shown` is
    /// how messages name it; a path read from the environment is not shown.
    public static func problems(_ path: String, attribute name: String, maxBytes: Int64, at location: SourceLocation,
                                workspace: Workspace, shown: String? = nil) -> [Diagnostic] {
        let shown = shown ?? workspace.displayPath(path)
        let absolute = workspace.absolutePath(path)
        var diagnostics: [Diagnostic] = []
        if let escape = escape(absolute, workspace: workspace) {
            diagnostics.append(outside(escape, name: name, shown: shown, at: location, config: workspace.config))
        }
        var info = stat()
        guard stat(absolute, &info) == 0 else {
            return diagnostics + [.error("\"\(name)\" names \(shown), which does not exist", at: location)]
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else {
            return diagnostics + [.error("\"\(name)\" names \(shown)\(kind.whichIsNotAFile)", at: location)]
        }
        guard access(absolute, R_OK) == 0 else {
            return diagnostics + [.error("\"\(name)\" names \(shown), which castform cannot read (check its permissions)", at: location)]
        }
        let size = Int64(info.st_size)
        if size > maxBytes {
            // Just over the limit rounds to the limit itself: then only exact bytes make sense.
            let (actual, limit) = ConstraintCheck.byteCount(size) == ConstraintCheck.byteCount(maxBytes)
                ? ("\(size) bytes", "\(maxBytes) bytes (\(ConstraintCheck.byteCount(maxBytes)))")
                : (ConstraintCheck.byteCount(size), ConstraintCheck.byteCount(maxBytes))
            diagnostics.append(.error("\"\(name)\" file \(shown) is \(actual); the limit is \(limit)", at: location))
        }
        return diagnostics
    }

    /// How a path leaves the workspace: as written (`../x`, `/etc/passwd`), or through a
    /// symbolic link on the way (to the resolved target).
    enum Escape: Equatable {
        case written
        case link(to: String)
    }

    /// nil when the path stays inside the workspace. Links are resolved when the file exists
    /// (the root's own links too, so `/tmp` being a link changes nothing); a missing file is
    /// judged by its path as written.
    static func escape(_ absolute: String, workspace: Workspace) -> Escape? {
        let root = WorkspacePath.normalise(workspace.absoluteRoot)
        let writtenInside = isWithin(WorkspacePath.normalise(absolute), root)
        guard let real = resolved(absolute), let realRoot = resolved(root) else { return writtenInside ? nil : .written }
        if isWithin(real, realRoot) { return nil }
        return writtenInside ? .link(to: real) : .written
    }

    private static func outside(_ escape: Escape, name: String, shown: String, at location: SourceLocation,
                                config: WorkspaceConfig) -> Diagnostic {
        let what: String
        switch escape {
        case .written: what = "\"\(name)\" names \(shown), outside the workspace"
        case .link(let target): what = "\"\(name)\" names \(shown), a link to \(target), outside the workspace"
        }
        if config.files.allowOutsideWorkspace {
            return .warning("\(what) (allowed by files: {allow_outside_workspace: true} in \(config.fileName))", at: location)
        }
        return .error("\(what): castform uploads only files inside the workspace, unless \(config.fileName) sets files: {allow_outside_workspace: true}", at: location)
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
