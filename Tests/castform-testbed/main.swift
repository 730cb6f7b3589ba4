// castform-testbed: castform's command line with the fake provider instead of real services,
// for the engine's end-to-end tests. The fake service's data lives in the file named by
// CASTFORM_FAKE_STORE (shared by every process of a test); faults come from the environment
// (see FakeFaults).
import CastformCommands
import CastformCore
import CastformTestSupport
import Foundation

let environment = ProcessInfo.processInfo.environment
let store = FakeStore(path: environment["CASTFORM_FAKE_STORE"])
let provider = FakeProvider(store: store, faults: FakeFaults(environment: environment))
let providers = ProviderSet([provider])
await Runtime.main(Runtime(registry: providers.registry, environment: environment) { _ in providers })
