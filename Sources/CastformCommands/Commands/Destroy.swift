import ArgumentParser
import CastformPlanning

/// `castform destroy`: remove everything the state records.
struct Destroy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove every object castform manages in this workspace.",
        discussion: "Asks for \"yes\" unless --auto-approve. lifecycle.prevent_destroy stops it."
    )

    @OptionGroup var workspace: PositionalWorkspace
    @OptionGroup var planning: PlanningOptions

    @Flag(help: "Destroy without asking for confirmation.")
    var autoApprove = false

    @Option(help: "How many operations may run at once.")
    var parallelism: Int = 4

    func run() async throws {
        do {
            let succeeded = try await Session.run(workspace.directory, sandbox: workspace.sandbox, verbose: workspace.verbose) { session in
                try await ApplyRun(session: session, parallelism: max(1, parallelism)).run(
                    planPath: nil, options: try planning.planOptions(destroy: true), autoApprove: autoApprove, destroy: true)
            }
            if !succeeded { throw ExitCode.failure }
        } catch {
            throw failure(error)
        }
    }
}
