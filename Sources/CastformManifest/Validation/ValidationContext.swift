import CastformCore
import Foundation

/// What validation rules may look at: the decoded workspace, the schemas, the environment, and
/// the file system (for the files that manifests point at).
public struct ValidationContext: Sendable {
    public var workspace: Workspace
    public var registry: SchemaRegistry
    public var environment: [String: String]

    public init(workspace: Workspace, registry: SchemaRegistry, environment: [String: String]) {
        self.workspace = workspace
        self.registry = registry
        self.environment = environment
    }

    /// A workspace-relative path as the user would type it from where they ran castform.
    public func displayPath(_ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        return workspace.root == "." ? relative : WorkspacePath.normalise(workspace.root + "/" + relative)
    }

    public func absolutePath(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : workspace.absoluteRoot + "/" + relative
    }
}
