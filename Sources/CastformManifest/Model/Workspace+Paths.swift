import Foundation

extension Workspace {
    /// A workspace-relative path as the user would type it from where they ran castform.
    public func displayPath(_ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        return root == "." ? relative : WorkspacePath.normalise(root + "/" + relative)
    }

    public func absolutePath(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : absoluteRoot + "/" + relative
    }
}
