import Foundation

/// Finds a workspace's files: the settings file, and the manifests — every `*.yaml` / `*.yml`
/// below the root, in path order, skipping hidden directories (`.castform/`, `.git/`) and the
/// settings file.
enum WorkspaceFiles {
    /// The settings file's names, preferred first. `.yml` is accepted as for any manifest:
    /// read as a manifest, a settings file gives only baffling "unknown resource type" errors.
    static let configNames = ["castform.yaml", "castform.yml"]

    /// The settings files present at the root, preferred first.
    static func configs(in absoluteRoot: String) -> [String] {
        configNames.filter { FileManager.default.fileExists(atPath: absoluteRoot + "/" + $0) }
    }

    static func manifests(in absoluteRoot: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(
            at: URL(fileURLWithPath: absoluteRoot),
            includingPropertiesForKeys: [.isDirectoryKey, .isRegularFileKey],
            options: [.skipsHiddenFiles]
        ) else { return [] }
        let rootPrefix = URL(fileURLWithPath: absoluteRoot).standardizedFileURL.path
        var found: [String] = []
        for case let url as URL in enumerator {
            let ext = url.pathExtension.lowercased()
            guard ext == "yaml" || ext == "yml" else { continue }
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            var relative = url.standardizedFileURL.path
            if relative.hasPrefix(rootPrefix + "/") { relative = String(relative.dropFirst(rootPrefix.count + 1)) }
            if configNames.contains(relative) { continue }
            found.append(relative)
        }
        return found.sorted()
    }
}
