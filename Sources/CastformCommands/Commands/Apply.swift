import ArgumentParser
import CastformCore
import CastformManifest
import CastformPlanning
import Foundation

/// `castform apply`: make the remote objects match the manifests.
struct Apply: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Create, update and remove objects until they match the manifests.",
        discussion: """
            Without a plan file, apply plans first, shows the plan and asks for "yes" (unless \
            --auto-approve). With a plan file from `castform plan -out FILE`, it applies exactly \
            that plan, with the variables it was made with, and refuses it if the state, the \
            manifests or the environment changed since. State is saved after every completed \
            operation.
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
    @OptionGroup var applying: ApplyOptions
    @OptionGroup var color: ColorOption

    func validate() throws {
        if paths.count > 2 { throw ValidationError("give at most a workspace directory and a plan file") }
    }

    func run() async throws {
        do {
            let (workspaceDirectory, planPath) = try Self.classify(paths, directory: directory)
            let saved = try planPath.map { path in (path, try PlanFile.read(from: path)) }
            if saved != nil, planning.setsVariables {
                throw CommandError("a saved plan carries the variables it was made with: give -var and -var-file to castform plan, not to apply")
            }
            var variables = planning.variables(environment: Runtime.current.environment)
            if let file = saved?.1 { variables.recorded = file.variables ?? [:] }
            let destroy = saved?.1.plan.isDestroy ?? false
            let succeeded = try await Session.run(workspaceDirectory, sandbox: sandbox, verbose: verbose, variables: variables,
                                                  requiresEnvironment: !destroy) { session in
                try await ApplyRun(session: session, options: applying).run(
                    saved: saved, planOptions: try planning.planOptions(), destroy: destroy)
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

/// Options of the commands that change things: apply and destroy.
struct ApplyOptions: ParsableArguments {
    @Flag(name: .terraform("auto-approve"), help: "Apply without asking for confirmation.")
    var autoApprove = false

    @Option(name: .terraform("parallelism"), help: "How many operations may run at once (Terraform's default, 10; each service's client keeps its own limit on concurrent requests).")
    var parallelism: Int = 10

    @Option(name: .terraform("input"), help: "Ask for confirmation on a terminal; --input=false never asks and fails where it would have to (CI).")
    var input: Bool = true

    @Option(name: .terraform("lock-timeout"), help: ArgumentHelp(
        "Wait this long for a state lock another castform holds (30s, 5m) instead of failing at once.", valueName: "duration"))
    var lockTimeout = WaitDuration(.zero)

    func validate() throws {
        if parallelism < 1 { throw ValidationError("--parallelism must be at least 1") }
    }
}
