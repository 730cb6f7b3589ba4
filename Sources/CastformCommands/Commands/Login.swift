import ArgumentParser
import Foundation

/// `castform login PROVIDER` and `castform logout PROVIDER`: the user's stored credentials.
struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Store credentials for a provider in the user's castform credentials file (mode 0600).",
        discussion: "The file is $CASTFORM_CREDENTIALS, or ~/.config/castform/credentials.json."
    )

    @Argument(help: ArgumentHelp("The provider, e.g. mixcloud or livepeer.", valueName: "provider"))
    var provider: String

    @Option(help: ArgumentHelp("The service's base URL, when not the real service (e.g. castform emulator).", valueName: "url"))
    var endpoint: String?

    @Flag(help: "Open no browser: print the address to open elsewhere and read the address it is sent back to, pasted here (headless machines, CI setup).")
    var noBrowser = false

    func run() async throws {
        let runtime = Runtime.current
        guard let flow = runtime.loginFlows[provider] else {
            throw failure(CommandError("castform login knows \(runtime.loginFlows.keys.sorted().joined(separator: ", ")); not \(provider)"))
        }
        do {
            let message = try await flow(LoginRequest(credentialsPath: runtime.credentialsPath, endpoint: endpoint, noBrowser: noBrowser))
            Console.out(message + "\n")
        } catch {
            throw failure(error)
        }
    }
}

struct Logout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Remove a provider's stored credentials.")

    @Argument(help: ArgumentHelp("The provider, e.g. mixcloud or livepeer.", valueName: "provider"))
    var provider: String

    func run() async throws {
        do {
            let removed = try Runtime.current.logout(Runtime.current.credentialsPath, provider)
            Console.out(removed ? "Removed the stored \(provider) credentials.\n" : "No \(provider) credentials were stored.\n")
        } catch {
            throw failure(error)
        }
    }
}
