import CastformCore

/// castform.yaml's `state` block: its attributes are checked like a resource's (a backend
/// of `s3` is reported, not quietly read as local), and its one rule across attributes —
/// `url` goes with the postgres backend — runs like a resource's rules, so it is skipped when
/// `url` was written but could not be decoded.
enum StateSchema {
    static let backends = ["local", "postgres"]

    static let schema = ObjectSchema(
        [
            Attribute("backend", .string, constraints: [.oneOf(backends)]),
            Attribute("path", .string, summary: "Local backend: the state file, relative to the workspace."),
            Attribute("url", .string, summary: "Postgres backend: the connection URL."),
            Attribute("workspace", .string, constraints: [.length(min: 1, max: 200)]),
        ],
        rules: [.custom(CustomRule("url goes with the postgres backend", check: urlMatchesBackend))]
    )

    /// The postgres backend needs a url; the local backend takes none. An unknown backend is
    /// its own error, and one written as `${...}` is not known yet: neither is judged here.
    static func urlMatchesBackend(_ state: ConfigValue) -> [Diagnostic] {
        let backend = state["backend"].map(\.string) ?? "local"
        let url = state.field("url")
        switch (backend, url) {
        case ("postgres", nil):
            return [.manifest(.settings(.postgresWithoutURL), at: state.location)]
        case ("local", let url?):
            return [.manifest(.settings(.urlWithoutPostgres), at: url.location)]
        default:
            return []
        }
    }
}
