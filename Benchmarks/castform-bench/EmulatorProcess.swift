// `castform emulator` as the e2e benchmark runs it: a child process serving Mixcloud and
// Livepeer on loopback, its data in a directory (as --sandbox and a team's shared emulator
// keep it), its CPU time and memory read from /proc while it serves.
import BenchSupport
import Foundation

final class EmulatorProcess {
    let child: ChildProcess
    /// Service name → the URL a client uses (Livepeer's includes /api).
    let endpoints: [String: String]
    /// Seconds from start until it served: loading its data directory included.
    let startSeconds: Double
    private let admin = BareClient()

    init(castform: String, data: String, log: String) throws {
        let start = ContinuousClock.now
        child = try ChildProcess(castform, ["emulator", "--service", "mixcloud", "--service", "livepeer", "--data", data],
                                 standardError: log)
        var endpoints: [String: String] = [:]
        while let line = child.readLine(), !line.hasPrefix("Serving") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].hasSuffix(":") { endpoints[String(parts[0].dropLast())] = String(parts[1]) }
        }
        startSeconds = seconds(ContinuousClock.now - start)
        guard endpoints["mixcloud"] != nil, endpoints["livepeer"] != nil else { throw BenchError("castform emulator did not start: see \(log)") }
        self.endpoints = endpoints
    }

    var cpuSeconds: Double { PeakMemory.cpuSeconds(of: child.pid) ?? 0 }
    var peakMiB: Double { PeakMemory.peakMiB(of: child.pid) ?? 0 }

    /// The server's root (admin routes live there, off the API's base path).
    private func root(_ service: String) -> String {
        let url = URL(string: endpoints[service]!)!
        return "http://127.0.0.1:\(url.port!)"
    }

    func setLatency(_ milliseconds: Int) async throws {
        for service in endpoints.keys {
            _ = try await admin.send(.PUT, root(service) + "/_castform/faults", body: #"{"latency_ms": \#(milliseconds)}"#)
        }
    }

    func resetRequests() async throws {
        for service in endpoints.keys { _ = try await admin.send(.DELETE, root(service) + "/_castform/requests") }
    }

    /// Requests served since the last reset, both services together.
    func requests() async throws -> Int {
        var total = 0
        for service in endpoints.keys {
            let answer = try await admin.send(.GET, root(service) + "/_castform/requests")
            total += ((answer.json as? [String: Any])?["total"] as? Int) ?? 0
        }
        return total
    }

    func stop() -> ChildProcess.Usage {
        kill(child.pid, SIGTERM)
        return child.finish().usage
    }
}
