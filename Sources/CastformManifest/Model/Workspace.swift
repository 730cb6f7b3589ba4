import CastformCore

/// A loaded workspace: settings and every declaration, in file order.
public struct Workspace: Sendable {
    /// The directory as the user named it (for messages), and as an absolute path (for files).
    public var root: String
    public var absoluteRoot: String
    public var config: WorkspaceConfig
    public var resources: [ResourceDeclaration]

    public init(root: String, absoluteRoot: String, config: WorkspaceConfig, resources: [ResourceDeclaration]) {
        self.root = root
        self.absoluteRoot = absoluteRoot
        self.config = config
        self.resources = resources
    }

    public func resource(_ address: ResourceAddress) -> ResourceDeclaration? {
        resources.first { $0.address == address }
    }
}
