import CastformCore
import Foundation
import YAML

/// `VariableOverrides` laid over castform.yaml's variables. A value given as text (the
/// environment, `-var`) takes the kind of the variable's default: a string stays text, an
/// integer, a number or a boolean is read as one, a list or a mapping as YAML's flow style
/// (`-var 'tags=[house, disco]'`). A `-var-file` is YAML, decoded with positions.
extension WorkspaceLoader {
    func applyOverrides(_ overrides: VariableOverrides, to config: inout WorkspaceConfig,
                        sources: inout [String: SourceFile], diagnostics: inout [Diagnostic]) {
        if let recorded = overrides.recorded {
            for (name, value) in recorded {
                config.variables[name] = ConfigValue.literal(value, at: .file("the saved plan"))
                config.overriddenVariables.insert(name)
            }
            return
        }
        let before = overrides.entries.filter { $0.origin == .environment }
        let after = overrides.entries.filter { $0.origin != .environment }
        for entry in before { override(entry, in: &config, diagnostics: &diagnostics) }
        for path in overrides.files { overrideFromFile(path, in: &config, sources: &sources, diagnostics: &diagnostics) }
        for entry in after { override(entry, in: &config, diagnostics: &diagnostics) }
    }

    private func override(_ entry: VariableOverrides.Entry, in config: inout WorkspaceConfig, diagnostics: inout [Diagnostic]) {
        guard let declared = config.variables[entry.name] else {
            if entry.origin != .environment, config.variablesAreKnown {
                diagnostics.append(.manifest(undeclared(entry.name, config: config, givenBy: .origin(entry.origin)), at: nil))
            }
            return
        }
        switch Self.coerce(entry.text, like: declared, file: entry.origin.phrase, limits: limits) {
        case .success(let value):
            config.variables[entry.name] = value
            config.overriddenVariables.insert(entry.name)
        case .failure(let expected):
            diagnostics.append(.manifest(.override(.doesNotFit(givenBy: entry.origin, text: entry.text, expected: expected)), at: nil))
        }
    }

    private func overrideFromFile(_ path: String, in config: inout WorkspaceConfig, sources: inout [String: SourceFile],
                                  diagnostics: inout [Diagnostic]) {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        guard case .success(let bytes) = SourceReader.contents(of: absolute, limit: SourceChecks.maxBytes) else {
            diagnostics.append(.manifest(.override(.unreadableFile(path: path)), at: nil))
            return
        }
        let file = SourceFile(displayPath: path, relativePath: path, absolutePath: absolute, bytes: bytes)
        sources[file.displayPath] = file
        let stream = YAMLParser.parse(file.bytes, file: file.displayPath, limits: limits, lines: file.lines)
        diagnostics += stream.errors.map(Self.diagnostic)
        guard let root = stream.documents.first?.root else { return }
        var decoder = ValueDecoder(file: file)
        let values = decoder.decode(root, as: .map(.any), name: "variables")
        diagnostics += decoder.diagnostics
        for field in values?.fields ?? [] {
            guard config.variables[field.name] != nil || !config.variablesAreKnown else {
                diagnostics.append(.manifest(undeclared(field.name, config: config, givenBy: .variablesFile), at: field.location))
                continue
            }
            config.variables[field.name] = field.value
            config.overriddenVariables.insert(field.name)
        }
    }

    private func undeclared(_ name: String, config: WorkspaceConfig, givenBy source: OverrideProblem.Source) -> ManifestProblem {
        .override(.undeclared(name, givenBy: source, settingsFile: config.fileName,
                              suggestion: Suggestion.closest(to: name, in: config.variables.keys)))
    }

    /// `text` as a value of the kind of `declared` (castform.yaml's default), or the kind it
    /// should have read as.
    static func coerce(_ text: String, like declared: ConfigValue, file: String, limits: ParseLimits)
        -> Swift.Result<ConfigValue, OverrideProblem.Expected> {
        let at = SourceLocation.file(file)
        switch declared.kind {
        case .null, .string, .template:
            return .success(ConfigValue(.string(text), at: at))
        case .bool:
            guard let bool = ["true": true, "false": false][text.lowercased()] else { return .failure(.bool) }
            return .success(ConfigValue(.bool(bool), at: at))
        case .int:
            guard let int = Int(text) else { return .failure(.int) }
            return .success(ConfigValue(.int(int), at: at))
        case .number:
            guard let number = Double(text), number.isFinite else { return .failure(.number) }
            return .success(ConfigValue(.number(number), at: at))
        case .list, .object:
            let stream = YAMLParser.parse(Array(text.utf8), file: file, limits: limits)
            let expected: OverrideProblem.Expected = declared.items.isEmpty && declared.fields.isEmpty
                ? .yamlValue : (declared.fields.isEmpty ? .list : .mapping)
            guard stream.errors.isEmpty, let root = stream.documents.first?.root else { return .failure(expected) }
            var decoder = ValueDecoder(file: SourceFile(displayPath: file, relativePath: file, absolutePath: file, bytes: Array(text.utf8)))
            guard let value = decoder.decode(root, as: .any, name: "variable"), decoder.diagnostics.isEmpty else {
                return .failure(expected)
            }
            return .success(value)
        }
    }
}

extension ConfigValue {
    /// A plain value (from a saved plan) as a manifest value written at `location`.
    public static func literal(_ value: Value, at location: SourceLocation) -> ConfigValue {
        switch value.unmarked {
        case .bool(let bool): return ConfigValue(.bool(bool), at: location)
        case .int(let int): return ConfigValue(.int(int), at: location)
        case .number(let number): return ConfigValue(.number(number), at: location)
        case .string(let text): return ConfigValue(.string(text), at: location)
        case .list(let items): return ConfigValue(.list(items.map { literal($0, at: location) }), at: location)
        case .object(let fields):
            return ConfigValue(.object(fields.sorted { $0.key < $1.key }.map { Field(name: $0.key, location: location, value: literal($0.value, at: location)) }), at: location)
        default: return ConfigValue(.null, at: location)
        }
    }
}
