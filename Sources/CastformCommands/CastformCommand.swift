// CastformCommands: the command line. Each command turns options into a request, calls the
// libraries, and renders what they return; none holds logic worth testing on its own. The
// castform binary runs these commands with the real providers, the test bed with the fake one.
import ArgumentParser
import CastformCore
import CastformEmulator
import Foundation

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
            Init.self, Validate.self, PlanCommand.self, Apply.self, Destroy.self, Show.self, Output.self,
            StateCommand.self, Import.self, ForceUnlock.self, Graph.self, EmulatorCommand.self,
            Login.self, Logout.self, Run.self, SchemaCommand.self, Docs.self, Fmt.self,
        ]
    )

    public init() {}
}

/// What a binary brings to the command line: its types, how to build its providers for a
/// workspace, and its emulators (for `--sandbox` and `castform emulator`).
public struct Runtime: Sendable {
    public static let version = "0.1.0"
    /// The runtime the command line runs with: set by `main` for the task that runs it (and
    /// every task it starts), never a global anyone can change.
    @TaskLocal static var current = Runtime(registry: SchemaRegistry(), environment: [:]) { _ in ProviderSet([]) }

    public var registry: SchemaRegistry
    public var environment: [String: String]
    public var makeProviders: @Sendable (ProviderContext) -> ProviderSet
    /// The emulated services, keeping their data in the given directory (nil: in memory),
    /// serving what the workspace's provider settings name (the sandbox's account). Throws when stored
    /// data cannot be loaded.
    public var makeEmulators: @Sendable (URL?, [String: [String: Value]]) throws -> [any EmulatedService]
    /// `castform login NAME`: each provider's flow, given the credentials file, an optional
    /// endpoint and whether a browser may be opened; returns what to tell the user.
    public var loginFlows: [String: @Sendable (LoginRequest) async throws -> String] = [:]
    /// `castform logout NAME`: removes a provider's stored credentials; whether there were any.
    public var logout: @Sendable (String, String) throws -> Bool = { _, _ in false }

    public init(registry: SchemaRegistry, environment: [String: String],
                makeEmulators: @escaping @Sendable (URL?, [String: [String: Value]]) throws -> [any EmulatedService] = { _, _ in [] },
                makeProviders: @escaping @Sendable (ProviderContext) -> ProviderSet) {
        self.registry = registry
        self.environment = environment
        self.makeProviders = makeProviders
        self.makeEmulators = makeEmulators
    }

    /// Runs castform's command line with this runtime.
    public static func main(_ runtime: Runtime) async {
        await $current.withValue(runtime) {
            await CastformCommand.main()
        }
    }

    /// The user's credentials file: `$CASTFORM_CREDENTIALS`, else ~/.config/castform/credentials.json.
    var credentialsPath: String {
        if let explicit = environment["CASTFORM_CREDENTIALS"] { return explicit }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/castform/credentials.json"
    }
}

/// What `castform login` asks of a provider's flow.
public struct LoginRequest: Sendable {
    /// The credentials file.
    public var credentialsPath: String
    /// The service's base URL, when not the real one.
    public var endpoint: String?
    /// `--no-browser`: print the address and read the redirect the user pastes back.
    public var noBrowser: Bool
}
