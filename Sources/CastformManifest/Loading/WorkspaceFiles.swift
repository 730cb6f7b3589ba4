import Foundation

/// Finds a workspace's manifests: every `*.yaml` / `*.yml` below the root, in path order,
/// skipping hidden directories (`.castform/`, `.git/`) and castform.yaml itself.
enum WorkspaceFiles {
    static let configName = "castform.yaml"

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
            if relative == configName { continue }
            found.append(relative)
        }
        return found.sorted()
    }
}
