import CastformCore
import CastformEmulator
import CastformHTTP
import CastformTestSupport
@testable import CastformProviders
import Foundation

/// A Livestream provider talking over real HTTP to an emulator on 127.0.0.1, both on one
/// manual clock: the provider's waits advance it, and the emulator's rate limits read it.
final class LivestreamHarness: Sendable {
    let clock: ManualClock
    let emulator: LivestreamEmulator
    let server: EmulatorServer
    let port: Int
    let provider: LivestreamProvider

    init(budget: LivestreamBudget = LivestreamBudget(file: nil)) async throws {
        let clock = ManualClock(advancesOnSleep: true)
        self.clock = clock
        emulator = LivestreamEmulator(now: { clock.date })
        server = EmulatorServer(service: emulator)
        port = try await server.start()
        provider = LivestreamProvider(client: LivestreamClient(endpoint: "http://127.0.0.1:\(port)", budget: budget, clock: clock))
    }

    /// Another client of the same API user (another tool, another machine), with its own count.
    func otherClient() -> LivestreamProvider {
        LivestreamProvider(client: LivestreamClient(endpoint: "http://127.0.0.1:\(port)", budget: LivestreamBudget(file: nil), clock: clock))
    }

    func read(_ type: String, _ arguments: [String: Value]) async -> DataResult {
        await provider.readData(type: type, arguments: arguments)
    }

    /// The problems of a result, as cases.
    static func problems(_ result: DataResult) -> [LivestreamProblem] {
        result.diagnostics.compactMap { $0.problem as? LivestreamProblem }
    }

    /// API requests the emulator answered (admin routes aside).
    var requests: [RequestLog.Entry] {
        server.log.entries.filter { !$0.path.hasPrefix("/_castform/") }
    }

    func stop() async {
        await server.stop()
    }
}
