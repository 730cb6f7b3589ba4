// The castform executable: the command line of CastformCommands with the real providers.
import CastformCommands
import CastformProviders
import Foundation

@main
struct Castform {
    static func main() async {
        await Runtime.main(Runtime(
            registry: Providers.registry,
            environment: ProcessInfo.processInfo.environment,
            makeEmulators: Providers.emulators,
            makeProviders: Providers.make))
    }
}
