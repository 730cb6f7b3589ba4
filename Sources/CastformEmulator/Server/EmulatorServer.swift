import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// Serves one emulated service on 127.0.0.1, on a given port or an ephemeral one.
///
/// `start()` returns once the server accepts connections, with the port it got; `stop()`
/// shuts it down gracefully. The fault plan and the request log wrap every route. Every wait
/// (injected latency, upload pacing) is on `clock`, so tests can control time.
///
/// What `start()` launches is kept under a `Mutex`, so `stop()` from another task sees it.
public final class EmulatorServer: Sendable {
    public let service: any EmulatedService
    public let faults: FaultInjector
    public let log: RequestLog
    public let clock: any Clock<Duration>
    private let requestedPort: Int
    private let running = Mutex<(group: ServiceGroup?, task: Task<Void, Error>?)>((nil, nil))

    public init(service: any EmulatedService, port: Int = 0, faults: FaultPlan = FaultPlan(), log: RequestLog = RequestLog(),
                clock: any Clock<Duration> = ContinuousClock()) {
        self.service = service
        self.requestedPort = port
        self.faults = FaultInjector(faults)
        self.log = log
        self.clock = clock
    }

    /// Starts serving; returns the port.
    public func start() async throws -> Int {
        let router = Router(context: EmulatorContext.self)
        router.add(middleware: RequestLogMiddleware(log: log))
        router.add(middleware: FaultMiddleware(injector: faults, service: service, clock: clock))
        EmulatorAdmin.addRoutes(to: router, service: service, faults: faults, log: log)
        service.addRoutes(to: router)
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "castform.emulator.\(service.name)")
        logger.logLevel = .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: requestedPort), serverName: "castform-emulator"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task { try await group.run() }
        running.withLock { $0 = (group, task) }
        for await port in stream { return port }
        throw EmulatorError.didNotStart(service.name)
    }

    public func stop() async {
        let (group, task) = running.withLock { ($0.group, $0.task) }
        await group?.triggerGracefulShutdown()
        _ = try? await task?.value
    }
}

public enum EmulatorError: Error, CustomStringConvertible {
    case didNotStart(String)

    public var description: String {
        switch self {
        case .didNotStart(let name): return "the \(name) emulator did not start"
        }
    }
}
