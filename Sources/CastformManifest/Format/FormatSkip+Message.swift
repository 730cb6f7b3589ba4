/// The words for `FormatSkip`: why `castform fmt` left a file as written.
extension FormatSkip: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidYAML(let error):
            return "not valid YAML: \(error)"
        case .severalDocuments:
            return "left as written: it holds several YAML documents (---)"
        case .notAMapping:
            return "left as written: its top level is not a mapping of types"
        case .anchorsOrTags(let line):
            return "left as written: line \(line) uses a YAML anchor, alias or tag, which fmt cannot write back as it was"
        case .wouldChangeMeaning:
            return "left as written: the canonical layout would not read back to the same values (please report this file)"
        case .wouldMoveComment:
            return "left as written: a comment sits inside a value written across lines, where the canonical layout has no place for it"
        }
    }

    /// Whether the file is broken (an error), rather than only left alone (a warning).
    public var isError: Bool {
        if case .invalidYAML = self { return true }
        return false
    }
}

extension ManifestFormatter {
    /// The files `castform fmt DIR` formats: the settings file, then every manifest, as
    /// paths relative to `root`.
    public static func files(in root: String) -> (settings: [String], manifests: [String]) {
        (WorkspaceFiles.configs(in: root), WorkspaceFiles.manifests(in: root))
    }

    /// Whether a file name is castform.yaml's.
    public static func isSettingsFile(_ path: String) -> Bool {
        WorkspaceFiles.configNames.contains(String(path.split(separator: "/").last ?? ""))
    }
}
