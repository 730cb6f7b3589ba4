import ArgumentParser

/// The workspace directory (`-C DIR`) and the sandbox switch, on every workspace command.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: [.customShort("C"), .customLong("dir")], help: ArgumentHelp("The workspace directory.", valueName: "dir"))
    var directory: String = "."

    @Flag(help: "Run every provider against castform's own emulators (no account, no network); data in .castform/sandbox/.")
    var sandbox = false

    @Flag(help: "Log every HTTP request (secrets redacted) on standard error.")
    var verbose = false

    @OptionGroup var color: ColorOption
}

/// A positional workspace directory, for commands that take nothing else positional.
struct PositionalWorkspace: ParsableArguments {
    @Argument(help: ArgumentHelp("The workspace directory (default: the current one, or -C).", valueName: "dir"))
    var positional: String?

    @Option(name: [.customShort("C"), .customLong("dir")], help: ArgumentHelp("The workspace directory.", valueName: "dir"))
    var option: String?

    @Flag(help: "Run every provider against castform's own emulators (no account, no network); data in .castform/sandbox/.")
    var sandbox = false

    @Flag(help: "Log every HTTP request (secrets redacted) on standard error.")
    var verbose = false

    @OptionGroup var color: ColorOption

    var directory: String { positional ?? option ?? "." }
}
