import CastformCore

extension ConstraintCheck {
    /// The file a manifest points at is one castform may upload: see `WorkspaceFileCheck`.
    static func file(_ value: ConfigValue, name: String, maxBytes: Int64, context: ValidationContext) -> [Finding] {
        guard let relative = value.string else { return [] }
        let key = FileCheckKey(path: relative, attribute: name, maxBytes: maxBytes)
        return context.fileChecks.value(for: key) {
            WorkspaceFileCheck.problems(relative, attribute: name, maxBytes: maxBytes,
                                        shown: context.workspace.displayPath(relative), workspace: context.workspace)
        }
        .map { Finding(.file($0), at: value.location) }
    }
}
