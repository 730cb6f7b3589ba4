/// A variable's value given from outside castform.yaml that does not fit: see
/// `VariableOverrides`.
public enum OverrideProblem: Sendable, Hashable {
    /// A value for a variable castform.yaml (`settingsFile`) does not declare.
    case undeclared(String, givenBy: Source, settingsFile: String, suggestion: String?)
    /// A value given as text that does not read as the kind of the variable's default.
    case doesNotFit(givenBy: VariableOverrides.Origin, text: String, expected: Expected)
    /// A `-var-file` that cannot be read.
    case unreadableFile(path: String)

    /// What gave the value.
    public enum Source: Sendable, Hashable {
        case origin(VariableOverrides.Origin)
        case variablesFile
    }

    /// The kind a value given as text must read as: that of the variable's default.
    public enum Expected: Error, Sendable, Hashable {
        case bool, int, number
        /// YAML's flow style: any value (the default is an empty list or mapping), a list, a mapping.
        case yamlValue, list, mapping
    }
}
