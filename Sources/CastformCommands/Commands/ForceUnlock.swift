import ArgumentParser

/// `castform force-unlock ID`: remove a lock whose holder is gone.
struct ForceUnlock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "force-unlock",
        abstract: "Remove a state lock file left by a castform that is no longer running.",
        discussion: """
            The lock id is in the message of the command that found the state locked. \
            A local lock is released by the system when the castform holding it exits, however \
            it exits (a crash or kill -9 included), so a lock left behind never blocks the next \
            command and force-unlock is rarely needed: it removes a lock file that no running \
            castform holds. Local state cannot be unlocked by another process: while the holder \
            runs, force-unlock refuses and names its pid; wait for it, or stop that process.
            """
    )

    @Argument(help: ArgumentHelp("The lock id.", valueName: "id")) var id: String
    @OptionGroup var workspace: WorkspaceOptions

    func run() async throws {
        do {
            try await Session.run(workspace.directory, sandbox: workspace.sandbox) { try await $0.backend.forceUnlock(id: id) }
            Console.out("Removed lock \(id). The state is unlocked.\n")
        } catch {
            throw failure(error)
        }
    }
}
