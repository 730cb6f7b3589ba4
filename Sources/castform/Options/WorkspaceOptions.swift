import ArgumentParser

/// The workspace directory argument that every workspace command takes.
struct WorkspaceOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The workspace directory.", valueName: "dir"))
    var directory: String = "."
}
