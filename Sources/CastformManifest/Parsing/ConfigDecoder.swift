import CastformCore
import YAML

/// Decodes castform.yaml: `state`, `providers`, `variables`, `sandbox`, `files`.
struct ConfigDecoder {
    static let topLevelKeys = ["state", "providers", "variables", "sandbox", "files"]

    let registry: SchemaRegistry
    private(set) var diagnostics: [Diagnostic] = []
    /// See `Workspace.incomplete`.
    private(set) var incomplete: Set<SourceLocation> = []

    init(registry: SchemaRegistry) {
        self.registry = registry
    }

    mutating func decode(_ documents: [Document], file: SourceFile) -> WorkspaceConfig {
        var config = WorkspaceConfig()
        config.location = .file(file.displayPath)
        config.fileName = file.relativePath
        let name = file.relativePath
        var decoder = ValueDecoder(file: file)
        defer {
            diagnostics += decoder.diagnostics
            incomplete.formUnion(decoder.incomplete)
        }
        let roots = documents.compactMap(\.root).filter { !($0.scalar != nil && $0.resolved == .null) }
        if roots.count > 1 {
            decoder.report(.settings(.extraDocument(file: name)), at: roots[1].mark)
        }
        guard let root = roots.first else { return config }
        guard let pairs = root.mapping else {
            decoder.report(.settings(.notAMapping(file: name, found: root.valueKind)), at: root.mark)
            config.variablesAreKnown = false
            return config
        }
        for pair in pairs {
            let key = pair.key.scalar?.value ?? ""
            switch key {
            case "state":
                config.state = state(pair.value, decoder: &decoder)
            case "providers":
                config.providers = providers(pair.value, decoder: &decoder)
            case "variables":
                let variables = decoder.decode(pair.value, as: .map(.any), name: "variables")
                if variables == nil || variables.map(decoder.isIncomplete) == true { config.variablesAreKnown = false }
                for field in variables?.fields ?? [] { config.variables[field.name] = field.value }
            case "sandbox":
                config.sandbox = decoder.decode(pair.value, as: .bool, name: "sandbox")?.bool ?? false
            case "files":
                let files = decoder.decodeObject(pair.value, schema: FilesSchema.schema, context: .setting("files"))
                config.files.written = files
                config.files.allowOutsideWorkspace = files["allow_outside_workspace"]?.bool ?? false
            default:
                let declares = registry.managed[key] != nil || key == "data"
                decoder.report(.settings(declares ? .declaration(type: key, file: name)
                                                  : .unknownSetting(key, file: name, suggestion: Suggestion.closest(to: key, in: Self.topLevelKeys))),
                               at: pair.key.mark)
            }
        }
        return config
    }

    private func state(_ node: Node, decoder: inout ValueDecoder) -> WorkspaceConfig.StateSettings {
        var settings = WorkspaceConfig.StateSettings()
        let value = decoder.decodeObject(node, schema: StateSchema.schema, context: .setting("state"))
        settings.written = value
        if let backend = value["backend"]?.string.flatMap(WorkspaceConfig.Backend.init(rawValue:)) {
            settings.backend = backend
        }
        if let path = value["path"]?.string { settings.path = path }
        if settings.backend == .postgres { settings.url = value["url"] }
        if let workspace = value["workspace"]?.string { settings.workspace = workspace }
        return settings
    }

    private func providers(_ node: Node, decoder: inout ValueDecoder) -> [String: ConfigValue] {
        guard let pairs = node.mapping else {
            decoder.report(.settings(.providersNotAMapping(found: node.valueKind)), at: node.mark)
            return [:]
        }
        var result: [String: ConfigValue] = [:]
        for pair in pairs {
            let name = pair.key.scalar?.value ?? ""
            guard let schema = registry.providers[name] else {
                decoder.report(.settings(.unknownProvider(name, suggestion: Suggestion.closest(to: name, in: registry.providerNames))), at: pair.key.mark)
                continue
            }
            result[name] = decoder.decodeObject(pair.value, schema: schema.config, context: .provider(name))
        }
        return result
    }
}
