import ArgumentParser
import CastformCore

/// `castform run ADDR ACTION`: act on a live object now (end a broadcast, cut a clip), without
/// touching desired state or the state file.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Perform an action on a managed object, e.g. terminate a live stream or cut a clip.",
        discussion: """
            Livepeer streams: terminate, start-pull, clip --start T --end T [--name N] \
            (T in Unix milliseconds, or before now: --start=-90s, --end=-5m).
            """
    )

    @Argument(help: ArgumentHelp("The object's address.", valueName: "addr")) var address: String
    @Argument(help: ArgumentHelp("The action.", valueName: "action")) var action: String
    @Option(help: "Clip start.") var start: String?
    @Option(help: "Clip end.") var end: String?
    @Option(help: "Clip name.") var name: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        do {
            try await Session.run(workspace.directory, sandbox: workspace.sandbox, verbose: workspace.verbose) { session in
                guard let target = ResourceAddress(parsing: address), target.mode == .managed else {
                    throw CommandError("\(address) is not a resource address: write TYPE.NAME")
                }
                guard let id = try await session.loadState().resource(target)?.id else {
                    throw CommandError("\(address) is not in state: apply it first (castform state list shows what there is)")
                }
                guard let provider = session.providers.provider(for: target) as? any ActionProvider,
                      !provider.actions(type: target.type).isEmpty else {
                    throw CommandError("\(target.type) has no actions")
                }
                var options: [String: String] = [:]
                options["start"] = start
                options["end"] = end
                options["name"] = name
                let result = await provider.perform(action: action, type: target.type, id: id, options: options)
                PlanOutput.report(result.diagnostics)
                if result.diagnostics.hasErrors { throw ExitCode.failure }
                Console.out(result.message + "\n")
            }
        } catch {
            throw failure(error)
        }
    }
}
