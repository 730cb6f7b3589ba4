/// Problems with castform.yaml's settings. `file` is the settings file's name as found
/// (castform.yaml or castform.yml).
public enum SettingsProblem: Sendable, Hashable {
    /// A second YAML document in the settings file.
    case extraDocument(file: String)
    /// The settings file is not a mapping of settings.
    case notAMapping(file: String, found: ValueKind)
    /// A key that is no setting.
    case unknownSetting(String, file: String, suggestion: String?)
    /// A resource type (or `data`) at the top of the settings file, which holds settings only.
    case declaration(type: String, file: String)
    /// `providers` is not a mapping of provider names.
    case providersNotAMapping(found: ValueKind)
    /// A provider castform does not have.
    case unknownProvider(String, suggestion: String?)
    /// `backend: postgres` without `url`.
    case postgresWithoutURL
    /// `url` with the local backend.
    case urlWithoutPostgres
}
