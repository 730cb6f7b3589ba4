import CastformCore
import CastformManifest
import CastformState
import Foundation

/// Where a workspace's state lives, as castform.yaml says (or the sandbox), and the record of
/// it that `castform init` keeps in `.castform/backend.json`.
///
/// The record lets castform notice that castform.yaml now names another backend than the
/// one the state was in: a command would otherwise start from the new backend's empty state
/// while the real one sits in the old. Such a command is refused until `castform init
/// -migrate-state` copies the state over (or `-reconfigure` says to start afresh). The record
/// holds no secret: for PostgreSQL, `host:port/database` and the environment variable the URL
/// came from, so a later migration can reach the old database again.
struct StateLocation: Codable, Equatable {
    enum Kind: String, Codable {
        case local, postgres
    }

    var backend: Kind
    /// Local: the state file, as castform.yaml names it.
    var path: String?
    /// Postgres: `host:port/database`.
    var target: String?
    var workspace: String?
    /// Postgres: the environment variable holding the URL, when the URL is `${env.NAME}`.
    var urlVariable: String?

    static let recordPath = ".castform/backend.json"

    /// Whether both name the same state (the URL variable may be renamed freely).
    func sameState(as other: StateLocation) -> Bool {
        backend == other.backend && path == other.path && target == other.target && workspace == other.workspace
    }

    /// "local state file .castform/state.json", "postgres db:5432/castform, workspace default".
    var summary: String {
        switch backend {
        case .local: return "local state file \(path ?? "")"
        case .postgres: return "postgres \(target ?? "?"), workspace \(workspace ?? "default")"
        }
    }

    /// The record `castform init` left in the workspace; nil when there is none.
    static func recorded(root: String) throws -> StateLocation? {
        guard let data = FileManager.default.contents(atPath: root + "/" + recordPath) else { return nil }
        do {
            return try JSONDecoder().decode(StateLocation.self, from: data)
        } catch {
            throw CommandError("\(root)/\(recordPath) is not a record of castform's state backend; remove it and run castform init")
        }
    }

    func record(root: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let directory = root + "/.castform"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: root + "/" + Self.recordPath, contents: try encoder.encode(self),
                                       attributes: [.posixPermissions: 0o600])
    }
}

/// The backend of a workspace, and where it is, from castform.yaml.
struct StateBackendChoice {
    var location: StateLocation
    var backend: any StateBackend

    /// The state backend castform.yaml asks for. The postgres URL is evaluated here (usually
    /// `${env.CASTFORM_PG_URL}`) and handed to the backend only: it is never printed.
    static func make(_ config: WorkspaceConfig, root: String, environment: [String: String]) throws -> StateBackendChoice {
        let state = config.state
        switch state.backend {
        case .local:
            let path = state.path.hasPrefix("/") ? state.path : root + "/" + state.path
            return StateBackendChoice(location: StateLocation(backend: .local, path: state.path), backend: LocalBackend(path: path))
        case .postgres:
            let variable = state.url.flatMap(Self.environmentVariable)
            let url = try state.url.map { try Self.url($0, variable: variable, config, environment) } ?? ""
            let backend = try PostgresBackend(url: url, workspace: state.workspace)
            let location = StateLocation(backend: .postgres, target: backend.target.description, workspace: state.workspace,
                                         urlVariable: variable)
            return StateBackendChoice(location: location, backend: backend)
        }
    }

    /// The backend a record names, to copy the state out of it; a postgres URL is read again
    /// from the environment variable it came from.
    static func make(_ location: StateLocation, root: String, environment: [String: String]) throws -> any StateBackend {
        switch location.backend {
        case .local:
            let path = location.path ?? ".castform/state.json"
            return LocalBackend(path: path.hasPrefix("/") ? path : root + "/" + path)
        case .postgres:
            guard let variable = location.urlVariable, let url = environment[variable], !url.isEmpty else {
                let name = location.urlVariable.map { "$\($0)" } ?? "the url's environment variable"
                throw CommandError("to copy the state out of the previous backend (\(location.summary)), castform needs its url: set \(name) to it")
            }
            return try PostgresBackend(url: url, workspace: location.workspace ?? "default")
        }
    }

    private static func environmentVariable(_ url: ConfigValue) -> String? {
        guard case .template(let template) = url.kind, case .environment(let name)? = template.soleReference else { return nil }
        return name
    }

    private static func url(_ value: ConfigValue, variable: String?, _ config: WorkspaceConfig, _ environment: [String: String]) throws -> String {
        let evaluator = Evaluator(environment: environment, variables: config.variables)
        guard case .string(let url) = evaluator.evaluate(value).unmarked, !url.isEmpty else {
            let source = variable.map { "$\($0) is not set" } ?? "it is empty"
            throw CommandError("the postgres state backend needs its url, and \(source): set it to postgres://USER:PASSWORD@HOST:5432/DATABASE")
        }
        return url
    }
}
