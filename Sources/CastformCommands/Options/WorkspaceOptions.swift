import ArgumentParser

/// The workspace directory: `-C DIR` on every command, or the positional DIR where a command
/// takes one (`castform plan examples/weekly-show`).
struct WorkspaceOptions: ParsableArguments {
    @Option(name: [.customShort("C"), .customLong("dir")], help: ArgumentHelp("The workspace directory.", valueName: "dir"))
    var directory: String = "."
}

/// A positional workspace directory, for commands that take nothing else positional.
struct PositionalWorkspace: ParsableArguments {
    @Argument(help: ArgumentHelp("The workspace directory (default: the current one, or -C).", valueName: "dir"))
    var positional: String?

    @Option(name: [.customShort("C"), .customLong("dir")], help: ArgumentHelp("The workspace directory.", valueName: "dir"))
    var option: String?

    var directory: String { positional ?? option ?? "." }
}
