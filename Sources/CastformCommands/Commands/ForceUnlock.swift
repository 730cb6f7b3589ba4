import ArgumentParser

/// `castform force-unlock ID`: remove a lock whose holder is gone.
struct ForceUnlock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "force-unlock",
        abstract: "Remove a state lock whose holder can no longer release it.",
        discussion: """
            The lock id is in the message of the command that found the state locked. \
            A lock is released when the castform holding it exits, however it exits (a crash or \
            kill -9 included): a local lock by the system, a postgres lock by the database when \
            the holder's session ends. So a lock left behind never blocks the next command and \
            force-unlock is rarely needed. Local state: it removes a lock file that no running \
            castform holds, and refuses while the holder runs, naming its pid; wait for it, or \
            stop that process. Postgres state: a holder's session can outlive its castform (a \
            hung runner, a half-open connection), so force-unlock ends that session on the \
            database server; the holder can write nothing more, and what it did before is kept.
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
