import CastformCore

/// castform.yaml: where state lives, how providers connect, and the workspace's variables.
public struct WorkspaceConfig: Sendable {
    public enum Backend: String, Sendable {
        case local, postgres
    }

    public struct StateSettings: Sendable {
        public var backend: Backend = .local
        /// Local backend: the state file, relative to the workspace root.
        public var path: String = ".castform/state.json"
        /// Postgres backend: the connection URL (usually `${env.CASTFORM_PG_URL}`).
        public var url: ConfigValue?
        /// Postgres backend: the name that separates several workspaces in one database.
        public var workspace: String = "default"

        public init() {}
    }

    public var state = StateSettings()
    /// Each provider's settings, by provider name, decoded against its schema.
    public var providers: [String: ConfigValue] = [:]
    /// `var.NAME` values, by name.
    public var variables: [String: ConfigValue] = [:]
    /// Run every provider against castform's own emulators.
    public var sandbox = false
    /// Where castform.yaml is, when there is one.
    public var location: SourceLocation?

    public init() {}
}
