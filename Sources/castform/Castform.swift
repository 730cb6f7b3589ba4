// The castform executable: the command line of CastformCommands with the real providers.
import CastformCommands
import CastformProviders
import Foundation

@main
struct Castform {
    static func main() async {
        let providers = Providers.all
        await Runtime.main(Runtime(providers: providers, environment: ProcessInfo.processInfo.environment))
    }
}
