import CastformHTTP
import Foundation

/// `castform emulator` in a process of its own: started on free loopback ports, its printed
/// base URLs read from its output, stopped with an interrupt. Tests that run castform as CI
/// does (separate processes, killed or not) talk to the "services" through it.
public final class EmulatorCommand {
    public let process: Process
    public let log: String
    /// Each service's base URL as the emulator printed it (Livepeer's ends in /api), by name.
    public let urls: [String: String]

    private init(process: Process, log: String, urls: [String: String]) {
        self.process = process
        self.log = log
        self.urls = urls
    }

    /// Starts `castform emulator` with `arguments` (services, faults, latency) and waits, up to
    /// 20 seconds, until it has printed a URL for each of `services` (polling on `clock`).
    public static func start(binary: String, services: [String], arguments: [String] = [],
                             clock: any HTTPClock = SystemClock()) async throws -> EmulatorCommand {
        let log = NSTemporaryDirectory() + "castform-emulator-\(getpid())-\(UUID().uuidString).log"
        let process = try ProcessRunner.start(
            binary, ["emulator"] + services.flatMap { ["--service", $0] } + arguments,
            environment: ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()], directory: NSTemporaryDirectory(), output: log)
        var urls: [String: String] = [:]
        for _ in 0..<400 where urls.count < services.count {
            try await clock.sleep(for: .milliseconds(50))
            urls = printedURLs((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
        }
        guard urls.count == services.count else {
            process.terminate()
            throw EmulatorDidNotStart(output: (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
        }
        return EmulatorCommand(process: process, log: log, urls: urls)
    }

    /// `NAME: URL` lines, as `castform emulator` prints them at start.
    static func printedURLs(_ text: String) -> [String: String] {
        var urls: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].hasSuffix(":"), parts[1].hasPrefix("http://") {
                urls[String(parts[0].dropLast())] = String(parts[1])
            }
        }
        return urls
    }

    public func stop() {
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        unlink(log)
    }
}

public struct EmulatorDidNotStart: Error, CustomStringConvertible {
    public var output: String
    public var description: String { "castform emulator did not start: \(output)" }
}
