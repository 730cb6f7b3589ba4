// The castform executable: parses arguments, calls the libraries, renders their results.
// It is kept thin on purpose; every decision worth testing lives in a library target.
import ArgumentParser

@main
struct Castform: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "castform",
        abstract: "Declarative publishing for Mixcloud shows and Livepeer live streams.",
        discussion: """
            Manifests (YAML, kept in git) declare the shows and streams that should exist; \
            castform compares them with what does exist and makes the difference.

            A workspace is a directory: castform.yaml (settings, optional) and any *.yaml or \
            *.yml manifests below it.
            """,
        version: "castform 0.1.0",
        subcommands: [Validate.self]
    )
}
