import ArgumentParser
import CastformCore
import CastformRendering
import CastformState
import Foundation

/// `castform init`: prepares a workspace, as Terraform's init does — checks the manifests,
/// reaches the state backend, checks the providers' credentials, and records the backend in
/// `.castform/backend.json`. Nothing is changed at any service, and the state is left as it
/// is, unless `-migrate-state` copies it from the previous backend (InitMigration.swift).
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Prepare the workspace: check the state backend and credentials; move the state to a new backend.",
        discussion: """
            Run it in a new clone, and again after changing the state block of castform.yaml. \
            It validates the manifests, connects to the state backend (creating castform's tables \
            in a new PostgreSQL database) and reads the state, checks each provider's credentials, \
            and records the backend in .castform/backend.json. It changes nothing at any service.

            When castform.yaml names another backend than the recorded one, commands refuse to \
            run until init says what to do: -migrate-state copies the state from the previous \
            backend to the new one (local and postgres, either way), keeping its lineage and \
            serial, after asking for "yes" (-force-copy: without asking); -reconfigure uses the \
            new backend as it is and leaves the old state where it was. A postgres url is read \
            from the environment variable castform.yaml names (CASTFORM_PG_URL): to copy out of \
            an old postgres backend, that variable must still name it.
            """
    )

    @Flag(name: .terraform("migrate-state"), help: "Copy the state from the previous backend to the one castform.yaml names.")
    var migrateState = false

    @Flag(name: .terraform("force-copy"), help: "With -migrate-state: copy without asking for confirmation.")
    var forceCopy = false

    @Flag(name: .terraform("reconfigure"), help: "Use the backend castform.yaml names as it is, without copying any state into it.")
    var reconfigure = false

    @Option(name: .terraform("input"), help: "Ask for confirmation on a terminal; --input=false never asks and fails where it would have to (CI).")
    var input: Bool = true

    @OptionGroup var workspace: PositionalWorkspace

    func validate() throws {
        if migrateState && reconfigure { throw ValidationError("-migrate-state and -reconfigure exclude each other") }
        if forceCopy && !migrateState { throw ValidationError("-force-copy goes with -migrate-state") }
    }

    func run() async throws {
        do {
            let session = try await Session.open(workspace.directory, sandbox: workspace.sandbox, verbose: workspace.verbose,
                                                 allowsEmpty: true, checksRecord: false)
            do {
                try await initialize(session)
                await session.close()
            } catch {
                await session.close()
                throw error
            }
        } catch {
            throw failure(error)
        }
    }

    private func initialize(_ session: Session) async throws {
        let root = session.workspace.absoluteRoot
        let recorded = workspace.sandbox ? nil : try StateLocation.recorded(root: root)
        if let recorded, !recorded.sameState(as: session.location), !reconfigure {
            guard migrateState else {
                throw CommandError("the state backend changed from \(recorded.summary) to \(session.location.summary): castform init -migrate-state copies the state over, castform init -reconfigure uses the new backend as it is")
            }
            try await InitMigration(session: session, from: recorded, options: self).run()
        } else if recorded == nil, migrateState, session.location.backend == .postgres {
            // No record, but a local state file: the state castform used before the postgres backend.
            let local = StateLocation(backend: .local, path: ".castform/state.json")
            if FileManager.default.fileExists(atPath: root + "/" + local.path!) {
                try await InitMigration(session: session, from: local, options: self).run()
            }
        }
        let state = try await session.backend.load()
        Console.out("State backend: \(session.location.summary): " + (state.map { "serial \($0.serial), \($0.resources.count) object(s)." } ?? "no state yet.") + "\n")
        let problems = await session.providers.preflight(session.workspace.resources.map(\.address))
        if !problems.isEmpty { Console.err(DiagnosticRenderer(style: Console.style(forStderr: true)).render(problems)) }
        if problems.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        if !workspace.sandbox { try session.location.record(root: root) }
        Console.out("castform is initialized: plan and apply will use this backend.\n")
    }
}
