import ArgumentParser
import CastformCore
import CastformManifest
import CastformPlanning
import CastformRendering
import CastformState
import Foundation

/// A loaded, valid workspace and its state backend: where every workspace command starts.
struct Session {
    let runtime: Runtime
    let workspace: Workspace
    let backend: any StateBackend

    /// Loads and validates the workspace; prints its diagnostics (warnings too) on stderr and
    /// throws `ExitCode.failure` when there are errors.
    static func open(_ directory: String, runtime: Runtime = Runtime.current) throws -> Session {
        let loader = WorkspaceLoader(registry: runtime.providers.registry, environment: runtime.environment)
        let result = loader.load(root: directory)
        report(result)
        guard let workspace = result.workspace, !result.hasErrors else { throw ExitCode.failure }
        let settings = workspace.config.state
        guard settings.backend == .local else {
            throw CommandError("the postgres state backend is not available in this version of castform; use backend: local")
        }
        let path = settings.path.hasPrefix("/") ? settings.path : workspace.absoluteRoot + "/" + settings.path
        return Session(runtime: runtime, workspace: workspace, backend: LocalBackend(path: path))
    }

    static func report(_ result: WorkspaceLoader.Result) {
        guard !result.diagnostics.isEmpty else { return }
        let sources = result.sources
        let renderer = DiagnosticRenderer(style: Console.style(forStderr: true)) { file, line in sources[file]?.line(line) }
        Console.err(renderer.render(result.diagnostics))
    }

    /// The state, or a new empty one (not yet written) when there is none.
    func loadState() async throws -> StateSnapshot {
        try await backend.load() ?? StateSnapshot()
    }

    /// Runs `body` holding the state lock; the lock is released however `body` ends.
    func withLock<T>(_ operation: String, _ body: () async throws -> T) async throws -> T {
        let info = LockInfo(operation: operation)
        try await backend.lock(info)
        do {
            let result = try await body()
            try? await backend.unlock(id: info.id)
            return result
        } catch {
            try? await backend.unlock(id: info.id)
            throw error
        }
    }

    func document(_ plan: CastformPlanning.Plan) -> PlanDocument {
        PlanDocument(plan, registry: runtime.providers.registry, castformVersion: Runtime.version)
    }
}
