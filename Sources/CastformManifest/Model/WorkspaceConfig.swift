import CastformCore

/// castform.yaml: where state lives, how providers connect, the workspace's variables, and
/// which files manifests may name.
public struct WorkspaceConfig: Sendable {
    public enum Backend: String, Sendable {
        case local, postgres
    }

    public struct StateSettings: Sendable {
        public var backend: Backend = .local
        /// Local backend: the state file, relative to the workspace root.
        public var path: String = ".castform/state.json"
        /// Postgres backend: the connection URL (usually `${env.CASTFORM_PG_URL}`); nil under
        /// any other backend, where writing one is an error, not a setting.
        public var url: ConfigValue?
        /// Postgres backend: the name that separates several workspaces in one database.
        public var workspace: String = "default"
        /// The `state` block as written, decoded against its schema, for validation.
        public var written: ConfigValue?

        public init() {}
    }

    /// The `files` block: which files manifests may name.
    public struct FileSettings: Sendable {
        /// Files outside the workspace may be uploaded (each still gets a warning naming it).
        /// Off by default: a manifest from a pull request must not upload any file of the CI
        /// runner (`picture: /etc/passwd`).
        public var allowOutsideWorkspace = false
        /// The block as written, decoded against its schema, for validation.
        public var written: ConfigValue?

        public init() {}
    }

    public var state = StateSettings()
    public var files = FileSettings()
    /// Each provider's settings, by provider name, decoded against its schema.
    public var providers: [String: ConfigValue] = [:]
    /// `var.NAME` values, by name: castform.yaml's, with `VariableOverrides` laid over them.
    public var variables: [String: ConfigValue] = [:]
    /// The variables whose value came from outside castform.yaml (`-var`, `-var-file`,
    /// `CASTFORM_VAR_*`): a saved plan records them.
    public var overriddenVariables: Set<String> = []
    /// Run every provider against castform's own emulators.
    public var sandbox = false
    /// Where castform.yaml is, when there is one.
    public var location: SourceLocation?
    /// The settings file's name, for messages: castform.yaml, or castform.yml.
    public var fileName = "castform.yaml"
    /// False when the settings file could not be parsed, or its `variables` could not be
    /// decoded: a variable may then be declared where castform could not read it, so references
    /// to variables are not reported as undeclared (the error already reported is the cause).
    public var variablesAreKnown = true

    public init() {}
}
