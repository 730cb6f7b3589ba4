/// `castform import PROVIDER --generate-config DIR`: every object of an account that castform
/// could manage, with the manifest that describes it, so an existing catalogue can be taken
/// over in one step.
public struct DiscoveryRequest: Sendable {
    /// Whose objects (a username); nil for the account the credentials belong to.
    public var account: String?

    public init(account: String? = nil) {
        self.account = account
    }
}

public struct DiscoveredObject: Sendable {
    public var type: String
    /// A resource name derived from the object (a slug); the command makes it unique.
    public var name: String
    /// The object as state should record it.
    public var object: RemoteObject
    /// What the manifest should declare: settable attributes only, in the manifest's shape.
    public var manifest: [String: Value]
    /// Where a person finds the object (its web page), for a comment above the resource.
    public var source: String?
    /// What the manifest leaves out because castform's manifests cannot say it (a tracklist
    /// without start times), so the user knows it is not managed.
    public var omissions: [String]

    public init(type: String, name: String, object: RemoteObject, manifest: [String: Value], source: String? = nil,
                omissions: [String] = []) {
        self.type = type
        self.name = name
        self.object = object
        self.manifest = manifest
        self.source = source
        self.omissions = omissions
    }
}

public struct DiscoveryResult: Sendable {
    public var objects: [DiscoveredObject]
    public var diagnostics: [Diagnostic]
    public var requestCount: Int
    /// Lines for the head of each generated file: what the manifests leave out, and why.
    public var notes: [String]

    public init(objects: [DiscoveredObject] = [], diagnostics: [Diagnostic] = [], requestCount: Int = 0, notes: [String] = []) {
        self.objects = objects
        self.diagnostics = diagnostics
        self.requestCount = requestCount
        self.notes = notes
    }
}

extension Provider {
    /// Providers that cannot list what an account holds say so.
    public func discover(_ request: DiscoveryRequest) async -> DiscoveryResult {
        DiscoveryResult(diagnostics: [.error("the \(name) provider cannot list an account's objects to generate manifests; import them one by one with `castform import ADDR ID`", at: nil)])
    }
}
