// The castform executable: the command line of CastformCommands with the real providers.
import CastformCommands
import CastformCore
import CastformProviders
import Foundation

@main
struct Castform {
    static func main() async {
        MemoryReturn.configure()
        let environment = ProcessInfo.processInfo.environment
        var runtime = Runtime(
            registry: Providers.registry, environment: environment,
            makeEmulators: Providers.emulators, makeProviders: Providers.make)
        runtime.loginFlows = Providers.loginFlows.mapValues { flow in
            { @Sendable request in
                try await flow(LoginContext(
                    store: CredentialStore(path: request.credentialsPath), environment: environment, endpoint: request.endpoint,
                    noBrowser: request.noBrowser,
                    say: { print($0) }, ask: { prompt in
                        print(prompt, terminator: "")
                        return await runBlocking { readLine() }
                    }))
            }
        }
        runtime.logout = { path, provider in try CredentialStore(path: path).removeAll(of: provider) }
        await Runtime.main(runtime)
    }
}
