import ArgumentParser
import CastformPlanning

/// `castform destroy`: remove everything the state records.
struct Destroy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Remove every object castform manages in this workspace.",
        discussion: """
            Asks for "yes" unless --auto-approve. lifecycle.prevent_destroy stops it. In CI, \
            review first: castform plan -destroy -out FILE, then castform apply FILE.
            """
    )

    @OptionGroup var workspace: PositionalWorkspace
    @OptionGroup var planning: PlanningOptions
    @OptionGroup var applying: ApplyOptions

    func run() async throws {
        do {
            let variables = planning.variables(environment: Runtime.current.environment)
            let succeeded = try await Session.run(workspace.directory, sandbox: workspace.sandbox, verbose: workspace.verbose,
                                                  variables: variables) { session in
                try await ApplyRun(session: session, options: applying).run(
                    saved: nil, planOptions: try planning.planOptions(destroy: true), destroy: true)
            }
            if !succeeded { throw ExitCode.failure }
        } catch {
            throw failure(error)
        }
    }
}
