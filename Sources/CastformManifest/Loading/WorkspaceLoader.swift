import CastformCore
import Foundation
import Synchronization
import YAML

/// Loads and validates a workspace: every problem, in reading order, with the files kept so
/// a renderer can quote the lines.
public struct WorkspaceLoader: Sendable {
    public struct Result: Sendable {
        /// nil when the directory could not be read at all.
        public var workspace: Workspace?
        public var diagnostics: [Diagnostic]
        /// Every file read, by display path.
        public var sources: [String: SourceFile]

        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    public var registry: SchemaRegistry
    public var environment: [String: String]
    public var limits: ParseLimits

    /// A workspace without manifests is an error (most likely the wrong directory), except
    /// for a command that is about to write the first ones (`import --generate-config`).
    public var allowsEmpty = false
    /// Variable values from outside castform.yaml (`-var`, `-var-file`, `CASTFORM_VAR_*`).
    public var variables = VariableOverrides()
    /// Whether an unset `${env.X}` is an error (plan, apply) rather than a warning (validate).
    public var environmentIsRequired = false
    /// Called with castform.yaml's settings before the manifests are read, so that work
    /// which needs only the settings (loading state) can run meanwhile.
    public var settingsRead: (@Sendable (WorkspaceConfig, _ absoluteRoot: String) -> Void)?
    /// Called as soon as a manifest declares managed resources of types not seen before in
    /// this load (before the rest are read and anything is validated), so that reads which
    /// need only the types (a provider's list of them) can start meanwhile.
    public var typesDeclared: (@Sendable (Set<String>) -> Void)?

    public init(registry: SchemaRegistry, environment: [String: String], limits: ParseLimits = ParseLimits()) {
        self.registry = registry
        self.environment = environment
        self.limits = limits
    }

    /// `root` as the user typed it ("." or "examples/weekly-show"); paths in messages start with it.
    public func load(root: String) -> Result {
        let root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        let absoluteRoot = URL(fileURLWithPath: root).standardizedFileURL.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absoluteRoot, isDirectory: &isDirectory), isDirectory.boolValue else {
            return Result(workspace: nil, diagnostics: [.manifest(.source(.notADirectory(root: root)), at: nil)], sources: [:])
        }
        var loading = Loading(root: root, absoluteRoot: absoluteRoot)
        var config = loadConfig(&loading)
        applyOverrides(variables, to: &config, sources: &loading.sources, diagnostics: &loading.diagnostics)
        settingsRead?(config, absoluteRoot)
        let (resources, declarationsAreKnown) = loadManifests(&loading)
        var workspace = Workspace(root: root, absoluteRoot: absoluteRoot, config: config, resources: resources,
                                  incomplete: loading.incomplete, declarationsAreKnown: declarationsAreKnown)
        workspace.moves = loading.moves
        loading.diagnostics += Validator.run(ValidationContext(workspace: workspace, registry: registry, environment: environment,
                                                               environmentIsRequired: environmentIsRequired))
        return Result(workspace: workspace, diagnostics: Self.unique(loading.diagnostics.sortedByLocation()), sources: loading.sources)
    }

    /// What a load gathers as it reads file after file.
    struct Loading {
        let root: String
        let absoluteRoot: String
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        var incomplete = Set<SourceLocation>()
        var moves: [Move] = []
    }

    /// castform.yaml (or castform.yml), decoded; the defaults when there is none.
    private func loadConfig(_ loading: inout Loading) -> WorkspaceConfig {
        var config = WorkspaceConfig()
        let configs = WorkspaceFiles.configs(in: loading.absoluteRoot)
        guard let configName = configs.first else { return config }
        if configs.count > 1 {
            loading.diagnostics.append(.manifest(.source(.settingsInTwoFiles(read: configName, ignored: configs[1])),
                                                 at: .file(display(configs[1], root: loading.root))))
        }
        guard let file = read(configName, root: loading.root, absoluteRoot: loading.absoluteRoot, diagnostics: &loading.diagnostics) else {
            config.variablesAreKnown = false
            return config
        }
        loading.sources[file.displayPath] = file
        let parsed = parse(file, diagnostics: &loading.diagnostics)
        var decoder = ConfigDecoder(registry: registry)
        config = decoder.decode(parsed.documents, file: file)
        loading.diagnostics += decoder.diagnostics
        loading.incomplete.formUnion(decoder.incomplete)
        // Variables past a syntax error were never read: they may well be declared.
        if !parsed.complete { config.variablesAreKnown = false }
        return config
    }

    /// Every manifest's declarations, and whether all of them could be read (a declaration
    /// may hide where a file failed).
    ///
    /// Files are read, parsed and decoded side by side (each on its own: nothing in one file
    /// changes how another reads) and gathered in file order, so diagnostics, declarations
    /// and `moved` entries come out as if read one after another.
    private func loadManifests(_ loading: inout Loading) -> ([ResourceDeclaration], Bool) {
        let manifests = WorkspaceFiles.manifests(in: loading.absoluteRoot)
        if manifests.isEmpty && !allowsEmpty {
            loading.diagnostics.append(.manifest(.source(.noManifests(root: loading.root)), at: nil))
        }
        let (root, absoluteRoot) = (loading.root, loading.absoluteRoot)
        let typesSeen = Mutex(Set<String>())
        let loads = manifests.concurrentMap(minimumPerThread: 8) { relative in
            let load = loadManifest(relative, root: root, absoluteRoot: absoluteRoot)
            if let typesDeclared {
                let types = Set(load.declarations.lazy.filter { $0.address.mode == .managed }.map(\.address.type))
                let new = typesSeen.withLock { seen in
                    let new = types.subtracting(seen)
                    seen.formUnion(new)
                    return new
                }
                if !new.isEmpty { typesDeclared(new) }
            }
            return load
        }
        var resources: [ResourceDeclaration] = []
        var declarationsAreKnown = true
        var decoding: [Diagnostic] = []
        for load in loads {
            if let file = load.file { loading.sources[file.displayPath] = file }
            loading.diagnostics += load.diagnostics
            if !load.complete { declarationsAreKnown = false }
            resources += load.declarations
            decoding += load.decoding.diagnostics
            loading.incomplete.formUnion(load.decoding.incomplete)
            loading.moves += load.decoding.moves
        }
        loading.diagnostics += decoding
        return (resources, declarationsAreKnown)
    }

    /// One manifest file, read, parsed and decoded.
    struct ManifestLoad: Sendable {
        /// nil when the file could not be read.
        var file: SourceFile?
        /// Reading and parsing problems.
        var diagnostics: [Diagnostic] = []
        /// Whether every declaration in the file could be read.
        var complete = true
        var declarations: [ResourceDeclaration] = []
        /// The decoder after the file: its problems, what is incomplete, the `moved` entries.
        var decoding: ManifestDecoder
    }

    private func loadManifest(_ relative: String, root: String, absoluteRoot: String) -> ManifestLoad {
        var load = ManifestLoad(decoding: ManifestDecoder(registry: registry, absoluteRoot: absoluteRoot))
        guard let file = read(relative, root: root, absoluteRoot: absoluteRoot, diagnostics: &load.diagnostics) else {
            load.complete = false
            return load
        }
        load.file = file
        let (documents, complete) = parse(file, diagnostics: &load.diagnostics)
        load.complete = complete
        if !complete && documents.isEmpty { return load }
        if documents.allSatisfy({ $0.root == nil || ($0.root?.scalar != nil && $0.root?.resolved == .null) }) {
            load.diagnostics.append(.manifest(.source(.emptyManifest), at: .file(file.displayPath)))
            return load
        }
        load.declarations = load.decoding.declarations(in: documents, file: file)
        return load
    }

    private func display(_ relative: String, root: String) -> String {
        root == "." ? relative : root + "/" + relative
    }

    private func read(_ relative: String, root: String, absoluteRoot: String, diagnostics: inout [Diagnostic]) -> SourceFile? {
        let display = display(relative, root: root)
        let bytes: [UInt8]
        switch SourceReader.contents(of: absoluteRoot + "/" + relative, limit: SourceChecks.maxBytes) {
        case .success(let read):
            bytes = read
        case .failure(.unreadable):
            diagnostics.append(.manifest(.source(.unreadable(path: display)), at: .file(display)))
            return nil
        case .failure(.notRegular(let kind)):
            diagnostics.append(.manifest(.source(.notARegularFile(path: display, kind: kind)), at: .file(display)))
            return nil
        case .failure(.tooLarge(let size)):
            diagnostics.append(SourceChecks.tooLarge(size, displayPath: display))
            return nil
        }
        if let problem = SourceChecks.check(bytes, displayPath: display) {
            diagnostics.append(problem)
            return nil
        }
        return SourceFile(displayPath: display, relativePath: relative, absolutePath: absoluteRoot + "/" + relative, bytes: bytes)
    }

    /// The file's documents, and whether they are all of it: after a syntax error, documents
    /// parsed before it are still good, and nothing after it was read.
    private func parse(_ file: SourceFile, diagnostics: inout [Diagnostic]) -> (documents: [Document], complete: Bool) {
        let stream = YAMLParser.parse(file.bytes, file: file.displayPath, limits: limits, lines: file.lines)
        diagnostics += stream.errors.map(Self.diagnostic)
        let complete = !stream.errors.contains { if case .duplicateKey = $0.kind { return false }; return true }
        return (stream.documents, complete)
    }

    /// A YAML error as a diagnostic: the error itself is the problem, placed at its mark.
    static func diagnostic(_ error: YAMLError) -> Diagnostic {
        .manifest(.syntax(error), at: error.mark)
    }

    /// The same message at the same place once (a rule and the decoder may meet one fault).
    static func unique(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        struct Said: Hashable {
            var severity: Diagnostic.Severity
            var message: String
            var location: SourceLocation?
        }
        var seen = Set<Said>()
        return diagnostics.filter { seen.insert(Said(severity: $0.severity, message: $0.message, location: $0.location)).inserted }
    }
}
