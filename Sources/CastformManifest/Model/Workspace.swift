import CastformCore

/// A loaded workspace: settings and every declaration, in file order.
public struct Workspace: Sendable {
    /// The directory as the user named it (for messages), and as an absolute path (for files).
    public var root: String
    public var absoluteRoot: String
    public var config: WorkspaceConfig
    public var resources: [ResourceDeclaration] {
        didSet { derived = Derived() }
    }
    /// Where the objects and lists are that lost a value to a decoding error, and every object
    /// or list around them. The error is reported once, when decoding; rules that look across
    /// a value's contents skip these, which would otherwise report the hole as something
    /// missing ("needs webhook_id" after `webhook_id: ${foo}` failed to decode).
    public var incomplete: Set<SourceLocation>
    /// False when a manifest could not be read or parsed to its end: a resource may then be
    /// declared where castform could not read it, so references and `depends_on` entries are
    /// not reported as naming undeclared resources (the error already reported is the cause).
    public var declarationsAreKnown: Bool
    /// The manifests' `moved` entries, in file order.
    public var moves: [Move] = []
    /// What is derived from the declarations, made once for validation and planning alike.
    private var derived = Derived()

    private struct Derived: Sendable {
        let byAddress = Memo<[ResourceAddress: ResourceDeclaration]>()
        let edges = Memo<DependencyEdges>()
    }

    public init(root: String, absoluteRoot: String, config: WorkspaceConfig, resources: [ResourceDeclaration],
                incomplete: Set<SourceLocation> = [], declarationsAreKnown: Bool = true) {
        self.root = root
        self.absoluteRoot = absoluteRoot
        self.config = config
        self.resources = resources
        self.incomplete = incomplete
        self.declarationsAreKnown = declarationsAreKnown
    }

    /// The first declaration of `address`. It scans: code that looks up every resource uses
    /// `declarationsByAddress` instead.
    public func resource(_ address: ResourceAddress) -> ResourceDeclaration? {
        resources.first { $0.address == address }
    }

    /// Every declaration by its address, the first one winning as `resource(_:)` finds it.
    public var declarationsByAddress: [ResourceAddress: ResourceDeclaration] {
        derived.byAddress.value {
            Dictionary(resources.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Who refers to whom: the graph validation checks for cycles and planning orders work by.
    public var dependencyEdges: DependencyEdges {
        derived.edges.value { DependencyEdges(self) }
    }
}
