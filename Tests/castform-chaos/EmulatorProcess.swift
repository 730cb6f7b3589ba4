import CastformEmulator
import CastformTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `castform emulator` in a process of its own, serving Mixcloud and Livepeer on loopback
/// ports with faults, so that killing castform never touches the "services". The census reads
/// every object through the admin route, drafts and unlisted shows included.
final class EmulatorProcess: @unchecked Sendable {
    // @unchecked: the process handle is set once in `start` and only read afterwards.
    let process: Process
    let log: String
    /// Base URLs as the emulator printed them (Livepeer's ends in /api).
    let mixcloud: String
    let livepeer: String

    private init(process: Process, log: String, mixcloud: String, livepeer: String) {
        self.process = process
        self.log = log
        self.mixcloud = mixcloud
        self.livepeer = livepeer
    }

    static func start(binary: String, faultRate: Double, seed: UInt64) async throws -> EmulatorProcess {
        let emulator = try await EmulatorCommand.start(binary: binary, services: ["mixcloud", "livepeer"], arguments: [
            "--fault-rate", String(faultRate), "--faults", "drop,500,503,429,403", "--seed", String(seed),
        ])
        return EmulatorProcess(process: emulator.process, log: emulator.log, mixcloud: emulator.urls["mixcloud"]!,
                               livepeer: emulator.urls["livepeer"]!)
    }

    func stop() {
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        unlink(log)
    }

    /// Every object of both services.
    func inventory() async throws -> [EmulatedObject] {
        var objects: [EmulatedObject] = []
        for base in [mixcloud, String(livepeer.dropLast("/api".count))] {
            let (data, _) = try await URLSession.shared.data(from: URL(string: base + "/_castform/objects")!)
            objects += try JSONDecoder().decode([EmulatedObject].self, from: data)
        }
        return objects
    }
}

struct ChaosFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
