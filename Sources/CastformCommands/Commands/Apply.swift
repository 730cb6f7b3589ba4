import ArgumentParser
import CastformCore
import CastformExecution
import CastformPlanning
import CastformRendering
import CastformState
import Foundation

/// `castform apply`: make the remote objects match the manifests.
struct Apply: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, update and remove objects until they match the manifests.",
        discussion: """
            Without a plan file, apply plans first, shows the plan and asks for "yes" (unless \
            --auto-approve). With a plan file from `castform plan -out FILE`, it applies exactly \
            that plan, and refuses it if the state, the manifests or the environment changed \
            since. State is saved after every completed operation.
            """
    )

    @Argument(help: ArgumentHelp("The workspace directory and/or a saved plan file.", valueName: "dir-or-plan"))
    var paths: [String] = []

    @Option(name: [.customShort("C"), .customLong("dir")], help: ArgumentHelp("The workspace directory.", valueName: "dir"))
    var directory: String?

    @Flag(help: "Run every provider against castform's own emulators (no account, no network); data in .castform/sandbox/.")
    var sandbox = false

    @Flag(help: "Log every HTTP request (secrets redacted) on standard error.")
    var verbose = false

    @OptionGroup var planning: PlanningOptions

    @Flag(help: "Apply without asking for confirmation.")
    var autoApprove = false

    @Option(help: "How many operations may run at once.")
    var parallelism: Int = 4

    func validate() throws {
        if paths.count > 2 { throw ValidationError("give at most a workspace directory and a plan file") }
        if parallelism < 1 { throw ValidationError("--parallelism must be at least 1") }
    }

    func run() async throws {
        do {
            let (workspaceDirectory, planPath) = try Self.classify(paths, directory: directory)
            let succeeded = try await Session.run(workspaceDirectory, sandbox: sandbox, verbose: verbose) { session in
                try await ApplyRun(session: session, parallelism: parallelism).run(
                    planPath: planPath, options: try planning.planOptions(), autoApprove: autoApprove, destroy: false)
            }
            if !succeeded { throw ExitCode.failure }
        } catch {
            throw failure(error)
        }
    }

    /// Sorts positional paths into the workspace directory and the plan file.
    static func classify(_ paths: [String], directory: String?) throws -> (String, String?) {
        var workspace = directory
        var plan: String?
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CommandError("\(path) does not exist: give a workspace directory or a plan file from castform plan -out")
            }
            if isDirectory.boolValue { workspace = path } else { plan = path }
        }
        return (workspace ?? ".", plan)
    }
}

/// The shared body of apply and destroy.
struct ApplyRun {
    let session: Session
    let parallelism: Int

    /// Returns whether everything succeeded.
    func run(planPath: String?, options: PlanOptions, autoApprove: Bool, destroy: Bool) async throws -> Bool {
        let runtime = session.runtime
        return try await session.withLock(destroy ? "destroy" : "apply") {
            var state = try await session.loadState()
            let plan: CastformPlanning.Plan
            if let planPath {
                let file = try PlanFile.read(from: planPath)
                try checkSameTarget(file, path: planPath)
                plan = file.plan
                // A plan made before any state existed gave the state-to-be its lineage.
                if state.serial == 0, state.resources.isEmpty { state.lineage = plan.lineage }
                try checkStillValid(plan, state: state)
                // A saved plan is not planned again: its providers' credentials are checked here.
                let problems = await session.providers.preflight(plan.changes.map(\.address))
                PlanOutput.report(problems)
                if problems.hasErrors { throw ExitCode.failure }
                Console.out(HumanPlanRenderer(style: Console.style()).render(session.document(plan)))
            } else {
                let result = await Planner(providers: session.providers, environment: runtime.environment)
                    .plan(session.workspace, state: state, options: options)
                PlanOutput.report(result.diagnostics)
                guard let planned = result.plan else { throw ExitCode.failure }
                plan = planned
                Console.out(HumanPlanRenderer(style: Console.style()).render(session.document(plan)))
                guard !plan.effectiveChanges.isEmpty else { return true }
                if !autoApprove { try confirm(destroy: destroy) }
            }
            guard !plan.effectiveChanges.isEmpty else { return true }
            Console.out("\n")
            let trap = SignalTrap()
            let executor = Executor(
                providers: session.providers, workspace: session.workspace, environment: runtime.environment,
                parallelism: parallelism, observer: TerminalObserver(style: Console.style(), isTerminal: Console.stdoutIsTerminal),
                cancellation: trap.flag)
            let summary = await executor.apply(plan, state: state, backend: session.backend)
            Console.out(ApplySummary.render(summary, destroy: destroy, style: Console.style()))
            return summary.succeeded
        }
    }

    /// A plan made against castform's emulators (`--sandbox`) applies only there, and one made
    /// against the real services only there: the two have different states and objects.
    private func checkSameTarget(_ file: PlanFile, path: String) throws {
        let sandboxed = session.sandbox != nil
        guard file.madeInSandbox != sandboxed else { return }
        if file.madeInSandbox {
            throw CommandError("\(path) was made with --sandbox, against castform's emulators: apply it with castform apply --sandbox \(path), or make a plan for the real services without --sandbox")
        }
        throw CommandError("\(path) was made for the real services, without --sandbox: apply it with castform apply \(path) (no --sandbox), or make a plan with --sandbox to try it against castform's emulators")
    }

    /// A saved plan applies only to the state it was made against, with the same manifests and
    /// secrets.
    private func checkStillValid(_ plan: CastformPlanning.Plan, state: StateSnapshot) throws {
        if plan.serial != state.serial {
            throw CommandError("the plan is stale: the state changed since it was made (serial \(plan.serial) then, \(state.serial) now); run castform plan again")
        }
        if plan.lineage != state.lineage {
            throw CommandError("this plan was made for another state (lineage \(plan.lineage), the state's is \(state.lineage)); run castform plan again")
        }
        let problems = PlanVerifier(providers: session.providers, environment: session.runtime.environment)
            .verify(plan, workspace: session.workspace, state: state)
        if !problems.isEmpty {
            throw CommandError("the manifests or the environment changed since the plan was made: \(problems.joined(separator: "; ")); run castform plan again")
        }
    }

    private func confirm(destroy: Bool) throws {
        guard Console.stdinIsTerminal else {
            throw CommandError("castform \(destroy ? "destroy" : "apply") needs a \"yes\" and there is no terminal to ask on: pass --auto-approve, or apply a saved plan file (castform plan -out FILE; castform apply FILE)")
        }
        Console.out("\nDo you want to perform these actions? castform will do what is shown above.\n  Only 'yes' will be accepted: ")
        guard readLine()?.trimmingCharacters(in: .whitespaces) == "yes" else {
            Console.out("\nNothing was changed.\n")
            throw ExitCode.failure
        }
    }
}
