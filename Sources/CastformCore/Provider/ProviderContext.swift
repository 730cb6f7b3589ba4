/// What a provider is built from: the workspace's settings for it, the environment, and, in
/// the sandbox, the emulator to talk to instead of the service.
public struct ProviderContext: Sendable {
    /// Each provider's castform.yaml block, evaluated (`${env.X}` resolved), by provider name.
    public var settings: [String: [String: Value]]
    public var environment: [String: String]
    /// Provider name → base URL of an emulator to use instead of the service (`--sandbox`).
    public var endpoints: [String: String]
    public var sandbox: Bool
    /// The user's castform credentials file (tokens stored by `castform login`).
    public var credentialsPath: String
    /// `--verbose`: log requests (redacted).
    public var verbose: Bool
    /// The workspace's absolute root: manifest paths (audio, pictures) are relative to it.
    public var workspaceRoot: String = ""

    public init(settings: [String: [String: Value]] = [:], environment: [String: String] = [:], endpoints: [String: String] = [:],
                sandbox: Bool = false, credentialsPath: String = "", verbose: Bool = false) {
        self.settings = settings
        self.environment = environment
        self.endpoints = endpoints
        self.sandbox = sandbox
        self.credentialsPath = credentialsPath
        self.verbose = verbose
    }

    /// The base URL for a provider: the sandbox emulator, castform.yaml's `endpoint`, or the
    /// service's own.
    public func endpoint(for provider: String, default service: String) -> String {
        endpoints[provider] ?? settings[provider]?["endpoint"]?.unmarked.stringValue ?? service
    }
}
