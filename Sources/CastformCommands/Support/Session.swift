import ArgumentParser
import CastformCore
import CastformEmulator
import CastformManifest
import CastformPlanning
import CastformRendering
import CastformState
import Foundation
import Synchronization

/// Reads a command lets start while the workspace loads (`Session.open(readsEarly:)`).
struct EarlyReads: OptionSet, Sendable {
    let rawValue: Int

    /// The state.
    static let state = EarlyReads(rawValue: 1)
    /// The providers' lists of the types the manifests declare (a refreshing plan).
    static let lists = EarlyReads(rawValue: 2)
}

/// A loaded, valid workspace with its providers and state backend: where every workspace
/// command starts. In the sandbox it also runs the emulators the providers talk to.
struct Session {
    let runtime: Runtime
    let workspace: Workspace
    let backend: any StateBackend
    /// Where `backend` keeps the state, as `castform init` records it.
    let location: StateLocation
    let providers: ProviderSet
    let sandbox: Sandbox?
    /// State being read since castform.yaml was (see `open(readsEarly:)`).
    let preloaded: HeadStart<StateSnapshot?>?

    /// Opens the workspace, runs `body`, and closes the session (stopping sandbox emulators)
    /// however `body` ends.
    ///
    /// `variables` are the run's variable values (default: `CASTFORM_VAR_*` only);
    /// `requiresEnvironment` makes an unset `${env.X}` an error (plan and apply send values).
    static func run<T>(_ directory: String, sandbox: Bool = false, verbose: Bool = false, allowsEmpty: Bool = false,
                       variables: VariableOverrides? = nil, requiresEnvironment: Bool = false, readsEarly: EarlyReads = [],
                       _ body: (Session) async throws -> T) async throws -> T {
        let session = try await open(directory, sandbox: sandbox, verbose: verbose, allowsEmpty: allowsEmpty,
                                     variables: variables, requiresEnvironment: requiresEnvironment, readsEarly: readsEarly)
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }

    /// Loads and validates the workspace; prints its diagnostics (warnings too) on stderr and
    /// throws `ExitCode.failure` when there are errors.
    ///
    /// With `readsEarly` (plan, which holds no lock) the state is read from the moment
    /// castform.yaml has said where it is, while the manifests are read and validated: the two
    /// take about as long on a large workspace. With `.lists` the providers are made then too
    /// (outside the sandbox), and each starts listing a type as soon as a manifest declares it
    /// (`Provider.prefetch`), so the lists are in flight while the rest of the manifests are
    /// read and validated. Never under a lock: a command that locks must read the state, and
    /// list what exists, after taking the lock.
    static func open(_ directory: String, sandbox requested: Bool = false, verbose: Bool = false, allowsEmpty: Bool = false,
                     variables: VariableOverrides? = nil, requiresEnvironment: Bool = false, checksRecord: Bool = true,
                     readsEarly: EarlyReads = [], runtime: Runtime = Runtime.current) async throws -> Session {
        var loader = WorkspaceLoader(registry: runtime.registry, environment: runtime.environment)
        loader.allowsEmpty = allowsEmpty
        loader.variables = variables ?? VariableOverrides.environment(runtime.environment)
        loader.environmentIsRequired = requiresEnvironment
        let preloaded = readsEarly.contains(.state) ? HeadStart<StateSnapshot?>() : nil
        let early = Mutex<ProviderSet?>(nil)
        if !readsEarly.isEmpty {
            loader.settingsRead = { config, root in
                preloaded?.start {
                    try await stateBackend(config, root: root, sandbox: requested || config.sandbox, checksRecord: checksRecord,
                                           environment: runtime.environment).backend.load()
                }
                // The sandbox's providers wait for its emulators, which start after the load.
                guard readsEarly.contains(.lists), !(requested || config.sandbox) else { return }
                let context = providerContext(config, root: root, sandbox: nil, verbose: verbose, runtime: runtime)
                early.withLock { $0 = runtime.makeProviders(context) }
            }
            loader.typesDeclared = { types in early.withLock { $0 }?.prefetch(managedTypes: types) }
        }
        // CPU work for a large workspace: off Swift concurrency's threads, so that the state
        // preload and the early list reads can run meanwhile (see `runBlocking`).
        let result = await runBlocking { [loader] in loader.load(root: directory) }
        report(result)
        guard let workspace = result.workspace, !result.hasErrors else { throw ExitCode.failure }
        let config = workspace.config
        let useSandbox = requested || config.sandbox
        var sandbox: Sandbox?
        if useSandbox {
            let settings = providerSettings(config, environment: runtime.environment)
            sandbox = try await Sandbox.start(try runtime.makeEmulators(URL(fileURLWithPath: workspace.absoluteRoot + "/.castform/sandbox"), settings))
        }
        let providers = early.withLock { $0 }
            ?? runtime.makeProviders(providerContext(config, root: workspace.absoluteRoot, sandbox: sandbox, verbose: verbose, runtime: runtime))
        let state: StateBackendChoice
        do {
            state = try stateBackend(workspace.config, root: workspace.absoluteRoot, sandbox: useSandbox, checksRecord: checksRecord,
                                     environment: runtime.environment)
        } catch {
            await sandbox?.stop()
            throw error
        }
        return Session(runtime: runtime, workspace: workspace, backend: state.backend, location: state.location,
                       providers: providers, sandbox: sandbox, preloaded: preloaded)
    }

    /// Each provider's settings in castform.yaml, evaluated (variables, `${env.X}`).
    private static func providerSettings(_ config: WorkspaceConfig, environment: [String: String]) -> [String: [String: Value]] {
        let evaluator = Evaluator(environment: environment, variables: config.variables)
        return config.providers.mapValues { DesiredValues.fields(evaluator.evaluate($0)) }
    }

    /// What the providers are made with: their settings, and the sandbox's endpoints if any.
    private static func providerContext(_ config: WorkspaceConfig, root: String, sandbox: Sandbox?, verbose: Bool,
                                        runtime: Runtime) -> ProviderContext {
        var context = ProviderContext(settings: providerSettings(config, environment: runtime.environment),
                                      environment: runtime.environment, endpoints: sandbox?.endpoints ?? [:],
                                      sandbox: sandbox != nil, credentialsPath: runtime.credentialsPath, verbose: verbose)
        context.workspaceRoot = root
        return context
    }

    /// The workspace's state backend (the sandbox's own state file under `--sandbox`).
    ///
    /// With `checksRecord`, a backend other than the one `castform init` recorded is refused,
    /// and so is a postgres backend while a local state file is there and no record says the
    /// state moved: either way the command would start from a state that is not the team's.
    private static func stateBackend(_ config: WorkspaceConfig, root: String, sandbox: Bool, checksRecord: Bool,
                                     environment: [String: String]) throws -> StateBackendChoice {
        if sandbox {
            let path = ".castform/sandbox/state.json"
            return StateBackendChoice(location: StateLocation(backend: .local, path: path), backend: LocalBackend(path: root + "/" + path))
        }
        let choice = try StateBackendChoice.make(config, root: root, environment: environment)
        guard checksRecord else { return choice }
        let recorded = try StateLocation.recorded(root: root)
        if let recorded, !recorded.sameState(as: choice.location) {
            throw CommandError("castform.yaml now keeps the state in \(choice.location.summary), but it was in \(recorded.summary). Run castform init -migrate-state to copy the state over, or castform init -reconfigure to use the new backend as it is.")
        }
        let localFile = root + "/" + WorkspaceConfig.StateSettings().path
        if recorded == nil, choice.location.backend == .postgres, FileManager.default.fileExists(atPath: localFile) {
            throw CommandError("castform.yaml keeps the state in \(choice.location.summary), but this workspace has a local state file (\(WorkspaceConfig.StateSettings().path)). Run castform init -migrate-state to copy it into the new backend, or castform init -reconfigure to leave it behind.")
        }
        return choice
    }

    func close() async {
        await sandbox?.stop()
    }

    static func report(_ result: WorkspaceLoader.Result) {
        guard !result.diagnostics.isEmpty else { return }
        let sources = result.sources
        let renderer = DiagnosticRenderer(style: Console.style(forStderr: true)) { file, line in sources[file]?.line(line) }
        Console.err(renderer.render(result.diagnostics))
    }

    /// Starts the providers' reads of the declared types (see `Provider.prefetch`) so that
    /// they overlap loading state. An apply calls it holding the lock: a list read before
    /// another apply finished would be older than the state it is compared with.
    func prefetch() {
        providers.prefetch(workspace.resources.map(\.address))
    }

    /// The state, or a new empty one (not yet written) when there is none.
    func loadState() async throws -> StateSnapshot {
        let backend = backend
        if let preloaded { return try await preloaded.take { try await backend.load() } ?? StateSnapshot() }
        return try await backend.load() ?? StateSnapshot()
    }

    /// Runs `body` holding the state lock; the lock is released however `body` ends.
    ///
    /// With a `timeout`, a lock another castform holds is waited for (polled, on `clock`)
    /// for that long before the command fails, as Terraform's `-lock-timeout`.
    func withLock<T>(_ operation: String, timeout: Duration = .zero, clock: any Clock<Duration> = ContinuousClock(),
                     _ body: () async throws -> T) async throws -> T {
        let info = LockInfo(operation: operation)
        try await lock(info, timeout: timeout, clock: clock)
        do {
            let result = try await body()
            try? await backend.unlock(id: info.id)
            return result
        } catch {
            try? await backend.unlock(id: info.id)
            throw error
        }
    }

    private func lock(_ info: LockInfo, timeout: Duration, clock: any Clock<Duration>) async throws {
        var waited = Duration.zero
        let poll = Duration.milliseconds(250)
        while true {
            do {
                return try await backend.lock(info)
            } catch StateError.locked(let holder) where waited < timeout {
                if waited == .zero { Console.err("Waiting up to \(timeout.components.seconds)s for the state lock: \(holder.summary)\n") }
            }
            try await clock.sleep(for: poll)
            waited += poll
        }
    }

    /// The variables given from outside castform.yaml, evaluated, for a plan file.
    var givenVariables: [String: Value] {
        let evaluator = Evaluator(environment: runtime.environment, variables: workspace.config.variables)
        var values: [String: Value] = [:]
        for name in workspace.config.overriddenVariables {
            guard let value = workspace.config.variables[name].map(evaluator.evaluate), !value.containsSensitive else { continue }
            values[name] = value
        }
        return values
    }

    /// The plan's document: `.changes` for what a reader is shown, `.full` for JSON.
    func document(_ plan: CastformPlanning.Plan, scope: PlanDocument.Scope = .changes) -> PlanDocument {
        PlanDocument(plan, registry: providers.registry, castformVersion: Runtime.version, scope: scope)
    }
}

/// The emulators a sandboxed command talks to, on ephemeral loopback ports, for as long as
/// the command runs.
struct Sandbox {
    let servers: [EmulatorServer]
    let endpoints: [String: String]

    static func start(_ services: [any EmulatedService], ports: [Int] = []) async throws -> Sandbox {
        var servers: [EmulatorServer] = []
        var endpoints: [String: String] = [:]
        for (index, service) in services.enumerated() {
            let server = EmulatorServer(service: service, port: index < ports.count ? ports[index] : 0)
            let port = try await server.start()
            servers.append(server)
            endpoints[service.name] = "http://127.0.0.1:\(port)\(service.basePath)"
        }
        return Sandbox(servers: servers, endpoints: endpoints)
    }

    func stop() async {
        for server in servers { await server.stop() }
    }
}
