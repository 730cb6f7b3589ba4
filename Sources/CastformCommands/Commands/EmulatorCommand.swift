import ArgumentParser
import CastformEmulator
import Foundation

/// `castform emulator`: serve the emulated services on loopback ports for other clients
/// (the official Python SDKs, curl, a second castform).
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Serve castform's emulators of the services on 127.0.0.1 until interrupted.",
        discussion: """
            Each service gets its own port: --port N gives the first service N, the next N+1, \
            and so on (default: ephemeral ports, printed at start). With --data the emulators \
            keep their objects in that directory across restarts. Fault flags make them \
            misbehave on purpose.
            """
    )

    @Option(help: "The first port (the rest follow); 0 picks free ports.")
    var port: Int = 0

    @Option(help: ArgumentHelp("Keep the emulators' data in this directory.", valueName: "dir"))
    var data: String?

    @Option(help: ArgumentHelp("Only these services (repeatable), e.g. --service mixcloud.", valueName: "name"))
    var service: [String] = []

    @Option(help: "Milliseconds added to every request.")
    var latency: Int = 0

    @Option(help: "Fraction of requests (0 to 1) answered with a fault instead.")
    var faultRate: Double = 0

    @Option(help: ArgumentHelp("Faults to inject, comma-separated: \(FaultSettings.names). Each service answers in its own error shape.", valueName: "list"))
    var faults: String = "503"

    @Option(help: "Read upload bodies no faster than this many bytes per second.")
    var uploadRate: Int?

    @Option(help: "Seed of the fault draw, to repeat a run's faults exactly.")
    var seed: UInt64 = 42

    func run() async throws {
        let directory = data.map { URL(fileURLWithPath: $0) }
        var services = try Runtime.current.makeEmulators(directory, [:])
        if !service.isEmpty {
            let unknown = Set(service).subtracting(services.map(\.name))
            if !unknown.isEmpty { throw ValidationError("unknown service \(unknown.sorted().joined(separator: ", ")); available: \(services.map(\.name).joined(separator: ", "))") }
            services = services.filter { service.contains($0.name) }
        }
        let plan: FaultPlan
        do {
            plan = try FaultSettings(latencyMs: latency, rate: faultRate, faults: faults, uploadRate: uploadRate, seed: seed).plan()
        } catch let problem as FaultSettings.Problem {
            throw ValidationError(problem.message)
        }
        var servers: [EmulatorServer] = []
        for (index, emulated) in services.enumerated() {
            let server = EmulatorServer(service: emulated, port: port == 0 ? 0 : port + index, faults: plan)
            let bound = try await server.start()
            servers.append(server)
            // The URL a client needs: the API's own path included (Livepeer's /api).
            Console.out("\(emulated.name): http://127.0.0.1:\(bound)\(emulated.basePath)\n")
        }
        Console.out("Serving until interrupted (Ctrl-C). Admin routes: GET /_castform/objects, GET|DELETE /_castform/requests, PUT /_castform/faults.\n")
        let trap = SignalTrap(quiet: true)
        await trap.flag.wait()
        for server in servers { await server.stop() }
    }
}
