import ArgumentParser

/// `castform force-unlock ID`: remove a lock whose holder is gone.
struct ForceUnlock: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "force-unlock",
        abstract: "Remove a state lock left by a castform that is no longer running.",
        discussion: "The lock id is in the message of the command that found the state locked. Make sure no castform is running first."
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
