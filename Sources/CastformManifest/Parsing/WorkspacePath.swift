/// Paths inside a workspace: always relative to its root, with `/`, `.` and `..` folded.
enum WorkspacePath {
    /// `path` as written in the manifest at `manifest` (both relative to the root), made
    /// relative to the root: `../audio/a.mp3` from `shows/a.yaml` is `audio/a.mp3`.
    static func resolve(_ path: String, from manifest: String) -> String {
        if path.hasPrefix("/") { return normalise(path) }
        let directory = manifest.split(separator: "/").dropLast().joined(separator: "/")
        return normalise(directory.isEmpty ? path : directory + "/" + path)
    }

    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
            default: parts.append(part)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}
