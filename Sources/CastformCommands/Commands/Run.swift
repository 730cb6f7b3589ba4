import ArgumentParser
import CastformCore

/// `castform run ADDR ACTION`: act on a live object now (end a broadcast, cut a clip), without
/// touching desired state or the state file.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Perform an action on a managed object or a data source, e.g. terminate a live stream or download a build.",
        discussion: """
            Livepeer streams: terminate, start-pull, clip --start T --end T [--name N] \
            (T in Unix milliseconds, or before now: --start=-90s, --end=-5m). \
            SideFX builds (data.sidefx_build.NAME, once applied): download --to DIR \
            (streamed to disk, a partial file resumed, the MD5 checked).
            """
    )

    @Argument(help: ArgumentHelp("The object's address.", valueName: "addr")) var address: String
    @Argument(help: ArgumentHelp("The action.", valueName: "action")) var action: String
    @Option(help: "Clip start.") var start: String?
    @Option(help: "Clip end.") var end: String?
    @Option(help: "Clip name.") var name: String?
    @Option(help: ArgumentHelp("Where a download goes (default: the current directory).", valueName: "dir")) var to: String?
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        do {
            try await Session.run(workspace.directory, sandbox: workspace.sandbox, verbose: workspace.verbose) { session in
                guard let target = ResourceAddress(parsing: address) else {
                    throw CommandError("\(address) is not an address: write TYPE.NAME or data.TYPE.NAME")
                }
                guard let recorded = try await session.loadState().resource(target), target.mode == .data || recorded.id != nil else {
                    throw CommandError("\(address) is not in state: apply it first (castform state list shows what there is)")
                }
                let id = recorded.id ?? ""
                guard let provider = session.providers.provider(for: target) as? any ActionProvider,
                      !provider.actions(type: target.type).isEmpty else {
                    throw CommandError("\(target.type) has no actions")
                }
                var options: [String: String] = [:]
                options["start"] = start
                options["end"] = end
                options["name"] = name
                options["to"] = to
                options["address"] = address
                // A data source's action works from the values state recorded for it.
                if target.mode == .data {
                    for (key, value) in recorded.attributes { if let text = value.unmarked.stringValue { options[key] = options[key] ?? text } }
                }
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
