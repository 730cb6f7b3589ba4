// CastformCommands: the command line. Each command turns options into a request, calls the
// libraries, and renders what they return; none holds logic worth testing on its own. The
// castform binary runs these commands with the real providers, the test bed with the fake one.
import ArgumentParser
import CastformCore

public struct CastformCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "castform",
        abstract: "Declarative publishing for Mixcloud shows and Livepeer live streams.",
        discussion: """
            Manifests (YAML, kept in git) declare the shows and streams that should exist; \
            castform compares them with what does exist and makes the difference.

            A workspace is a directory: castform.yaml (settings, optional) and any *.yaml or \
            *.yml manifests below it. Exit codes: 0 success, 1 error, 2 success with changes \
            (plan --detailed-exitcode).
            """,
        version: "castform \(Runtime.version)",
        subcommands: [
            Validate.self, PlanCommand.self, Apply.self, Destroy.self, Show.self, Output.self,
            StateCommand.self, Import.self, ForceUnlock.self, Graph.self,
        ]
    )

    public init() {}
}

/// What the binary brings: its providers and its environment.
public struct Runtime: Sendable {
    public static let version = "0.1.0"
    nonisolated(unsafe) static var current = Runtime(providers: ProviderSet([]), environment: [:])

    public var providers: ProviderSet
    public var environment: [String: String]

    public init(providers: ProviderSet, environment: [String: String]) {
        self.providers = providers
        self.environment = environment
    }

    /// Runs castform's command line with these providers.
    public static func main(_ runtime: Runtime) async {
        current = runtime
        await CastformCommand.main()
    }
}
