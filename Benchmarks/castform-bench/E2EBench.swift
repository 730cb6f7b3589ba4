// `e2e` mode: the castform binary (release, beside this one) against `castform emulator`, both
// as child processes, as a user and CI run them. Per size N (shows; N/10 Livepeer streams):
//
//   first apply · emulator restart (reloading its --data directory) · no-op plan with and
//   without refresh · no-op plan at 50 ms latency with its request count · in the same run
//   the bare fetch of the same list pages (the floor) and a per-object GET baseline ·
//   `apply --sandbox` of N shows and the no-op plan after it
//
// Each row gives wall time, castform's CPU and peak RSS (from wait4), and the emulator's CPU
// meanwhile (from /proc). `--runs` repeats the plans and the fetches; applies run once.
import BenchSupport
import Foundation

func runE2E(_ options: Options) async throws {
    let castform = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path + "/castform"
    guard FileManager.default.isExecutableFile(atPath: castform) else { throw BenchError("no castform binary at \(castform): swift build -c release --product castform") }
    for count in options.resources {
        var report = E2EReport()
        let streams = count / 10
        let load = loadAverage()
        try await remoteRows(castform, count, streams, options, &report)
        if !options.skipSandbox { try sandboxRows(castform, count, options, &report) }
        report.print("e2e, \(count) shows + \(streams) streams, latency \(options.latency) ms where named; load at start \(load), at end \(loadAverage())")
    }
}

/// The rows against a `castform emulator` process.
private func remoteRows(_ castform: String, _ count: Int, _ streams: Int, _ options: Options, _ report: inout E2EReport) async throws {
    let fixture = try ShowFixture(count: count, streams: streams)
    defer { fixture.remove() }
    let data = fixture.root + "/.emulator", log = fixture.root + "/emulator.log"
    var emulator = try EmulatorProcess(castform: castform, data: data, log: log)
    try fixture.writeSettings("""
        providers:
          mixcloud: {user: deepsessions, endpoint: "\(emulator.endpoints["mixcloud"]!)"}
          livepeer: {endpoint: "\(emulator.endpoints["livepeer"]!)"}
        """)
    let cli = CastformCLI(binary: castform, fixture: fixture)
    try cli.run("apply (first), \(count + streams) objects", ["apply", "-auto-approve", "-C", fixture.root], emulator, &report)
    let served = emulator.stop()
    report.add("emulator: serving the apply (peak MiB)", wall: 0, usage: served, emulatorCPU: nil)

    emulator = try EmulatorProcess(castform: castform, data: data, log: log)
    report.add("emulator: restart, reload \(count + streams)", wall: emulator.startSeconds, usage: nil, emulatorCPU: emulator.cpuSeconds)
    try fixture.writeSettings("""
        providers:
          mixcloud: {user: deepsessions, endpoint: "\(emulator.endpoints["mixcloud"]!)"}
          livepeer: {endpoint: "\(emulator.endpoints["livepeer"]!)"}
        """)
    defer { _ = emulator.stop() }
    for _ in 0..<options.runs {
        try cli.run("plan, no-op (refresh)", ["plan", "-detailed-exitcode", "-C", fixture.root], emulator, &report)
        try cli.run("plan, no-op, -refresh=false", ["plan", "-detailed-exitcode", "-refresh=false", "-C", fixture.root], emulator, &report)
    }
    try await emulator.setLatency(options.latency)
    let bench = CommandLine.arguments[0]
    let urls = [emulator.endpoints["mixcloud"]!, emulator.endpoints["livepeer"]!]
    for _ in 0..<options.runs {
        try await emulator.resetRequests()
        try cli.run("plan, no-op, \(options.latency) ms", ["plan", "-detailed-exitcode", "-C", fixture.root], emulator, &report)
        report.setRequests("plan, no-op, \(options.latency) ms", try await emulator.requests())
        try runBareFetch(bench, "bare fetch of the lists, \(options.latency) ms", urls, emulator, &report)
    }
    if !options.skipPerObject {
        try runBareFetch(bench, "per-object GETs, \(options.latency) ms, 10 at once", urls + ["--per-object"], emulator, &report)
    }
    try await emulator.setLatency(0)
}

/// `apply --sandbox` of N shows (the emulators in process, data in .castform/sandbox/), then
/// the no-op plan after it.
private func sandboxRows(_ castform: String, _ count: Int, _ options: Options, _ report: inout E2EReport) throws {
    let fixture = try ShowFixture(count: count)
    defer { fixture.remove() }
    let cli = CastformCLI(binary: castform, fixture: fixture)
    try cli.run("apply --sandbox, \(count) shows", ["apply", "--sandbox", "-auto-approve", "-C", fixture.root], nil, &report)
    for _ in 0..<options.runs {
        try cli.run("plan --sandbox, no-op", ["plan", "--sandbox", "-detailed-exitcode", "-C", fixture.root], nil, &report)
    }
}

/// The bare client as a child process: its own wall time (printed), CPU and memory.
private func runBareFetch(_ bench: String, _ row: String, _ arguments: [String], _ emulator: EmulatorProcess, _ report: inout E2EReport) throws {
    let before = emulator.cpuSeconds
    let child = try ChildProcess(bench, ["bare-fetch"] + arguments)
    let (output, status, usage) = child.finish()
    let result = output.split(separator: "\n").first { $0.hasPrefix("RESULT ") }?.split(separator: " ")
    guard status == 0, let result, result.count == 3, let wall = Double(result[1]), let requests = Int(result[2]) else {
        throw BenchError("bare-fetch failed (\(status)): \(output.suffix(500))")
    }
    report.add(row, wall: wall, usage: usage, emulatorCPU: emulator.cpuSeconds - before, requests: requests)
}

/// The castform binary with the credentials the emulators accept and a private HOME.
struct CastformCLI {
    let binary: String
    let fixture: ShowFixture

    func run(_ row: String, _ arguments: [String], _ emulator: EmulatorProcess?, _ report: inout E2EReport) throws {
        let environment = ["MIXCLOUD_ACCESS_TOKEN": "mixcloud-test-token", "LIVEPEER_API_KEY": "livepeer-test-key",
                           "NO_COLOR": "1", "HOME": fixture.root + "/home"]
        let before = emulator?.cpuSeconds
        let start = ContinuousClock.now
        let child = try ChildProcess(binary, arguments, environment: environment, standardError: fixture.root + "/castform.stderr")
        let (output, status, usage) = child.finish()
        let wall = seconds(ContinuousClock.now - start)
        guard status == 0 else {
            let errors = (try? String(contentsOfFile: fixture.root + "/castform.stderr", encoding: .utf8)) ?? ""
            throw BenchError("castform \(arguments.joined(separator: " ")) exited \(status):\n\(output.suffix(1500))\n\(errors.suffix(1500))")
        }
        report.add(row, wall: wall, usage: usage, emulatorCPU: before.map { (emulator?.cpuSeconds ?? 0) - $0 })
    }
}

/// The 1, 5 and 15 minute load averages, as `uptime` prints them.
func loadAverage() -> String {
    var loads = [Double](repeating: 0, count: 3)
    guard getloadavg(&loads, 3) == 3 else { return "?" }
    return loads.map { String(format: "%.2f", $0) }.joined(separator: " ")
}
