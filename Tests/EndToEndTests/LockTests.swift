import CastformTestSupport
import Foundation
import Testing

/// The state lock between real castform processes: one writer at a time, a dead holder
/// never in the way, and nothing made twice.
@Suite struct LockTests {
    static let names = (0..<8).map { "object-\($0)" }
    static var manifests: String { "fake_object:\n" + names.map { "  \($0): {name: \($0)}\n" }.joined() }
    /// Above Linux's default pid_max: no such process.
    static let deadPID = 4_194_305

    /// What an older castform killed while holding the lock left: the lock file, with its
    /// details as it wrote them, and the draft it wrote them into.
    static func leaveStaleLock(in bed: Testbed) throws {
        let details = """
            {
              "created" : "2026-11-26T10:00:00Z",
              "host" : "\(ProcessInfo.processInfo.hostName)",
              "id" : "stale-lock",
              "operation" : "apply",
              "pid" : \(deadPID),
              "user" : "ana"
            }
            """
        try bed.directory.write(".castform/state.json.lock", details)
        try bed.directory.write(".castform/state.json.lock.\(deadPID).draft", details)
    }

    /// The old lock deleted a dead holder's lock file without checking it was still that
    /// file, so of several castforms that found it, one could delete the lock another had
    /// just taken: both applied, and made everything twice.
    @Test func twentyAppliesStartedAtOnceOverAStaleLockMakeEverythingOnce() throws {
        for round in 1...3 {
            let bed = try Testbed(Self.manifests)
            defer { bed.directory.remove() }
            try Self.leaveStaleLock(in: bed)
            let logs = (0..<20).map { bed.directory.path + "/apply-\($0).log" }
            let processes = try Self.startTogether(bed, ["apply", "--auto-approve", "--parallelism", "1"], logs: logs,
                                                   environment: ["CASTFORM_FAKE_LATENCY_MS": "40"])
            let outcomes = zip(processes, logs).map { process, log in
                (pid: process.processIdentifier, status: process.terminationStatus, output: (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
            }
            let succeeded = Set(outcomes.filter { $0.status == 0 }.map(\.pid))
            #expect(!succeeded.isEmpty, "round \(round): no apply succeeded: \(outcomes.map(\.output))")
            for failure in outcomes where failure.status != 0 {
                let named = failure.output.firstMatch(of: #/the state is locked: castform apply by \S+ \(pid (\d+)\)/#).flatMap { Int32($0.1) }
                #expect(named.map(succeeded.contains) == true,
                        "round \(round): pid \(failure.pid) failed without naming a castform that held the lock: \(failure.output)")
            }
            #expect(bed.remoteNames == Self.names.sorted(), "round \(round): the remote has \(bed.remoteNames)")
            for leftover in [".castform/state.json.lock", ".castform/state.json.lock.\(Self.deadPID).draft"] {
                #expect(!FileManager.default.fileExists(atPath: bed.directory.path + "/" + leftover), "round \(round): \(leftover) is left")
            }
            let plan = try bed.castform(["plan", "--detailed-exitcode"])
            #expect(plan.status == 0, "round \(round): \(plan.stdout)\(plan.stderr)")
        }
    }

    /// A running holder's lock cannot be forced (Terraform: "Local state cannot be unlocked
    /// by another process"); killed, it holds nothing, and its file is removed or taken over.
    @Test func forceUnlockRefusesARunningApplyAndNotAKilledOne() throws {
        let bed = try Testbed(Self.manifests)
        defer { bed.directory.remove() }
        let apply = try ProcessRunner.start(
            bed.binary, ["apply", "--auto-approve", "--parallelism", "1"],
            environment: bed.environment.merging(["CASTFORM_FAKE_LATENCY_MS": "500"]) { $1 },
            directory: bed.directory.path, output: bed.directory.path + "/apply.log")
        defer { if apply.isRunning { kill(apply.processIdentifier, SIGKILL); apply.waitUntilExit() } }
        let id = try #require(Self.waitForLockID(in: bed))
        let refused = try bed.castform(["force-unlock", id])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("(pid \(apply.processIdentifier))"), "\(refused.stderr)")
        #expect(refused.stderr.contains("Local state cannot be unlocked by another process"))
        kill(apply.processIdentifier, SIGKILL)
        apply.waitUntilExit()
        let forced = try bed.castform(["force-unlock", id])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout == "Removed lock \(id). The state is unlocked.\n")
        let again = try bed.castform(["apply", "--auto-approve"])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(bed.remoteNames == Self.names.sorted())
    }

    /// Runs castform once per log, all starting together, and waits for them all: each is a
    /// shell waiting on a FIFO that then becomes castform (`exec`, same pid), and the FIFO
    /// opens once every process is there.
    static func startTogether(_ bed: Testbed, _ arguments: [String], logs: [String], environment: [String: String]) throws -> [Process] {
        let fifo = bed.directory.path + "/start"
        guard mkfifo(fifo, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
        // Read-write: opening does not wait for a reader, and the FIFO stays open for late ones.
        let gate = open(fifo, O_RDWR | O_CLOEXEC)
        defer { close(gate) }
        let processes = try logs.map {
            try ProcessRunner.start("/bin/sh", ["-c", "read _ < \"$0\" && exec \"$@\"", fifo, bed.binary] + arguments,
                                    environment: bed.environment.merging(environment) { $1 }, directory: bed.directory.path, output: $0)
        }
        usleep(300_000)
        let lines = [UInt8](repeating: UInt8(ascii: "\n"), count: logs.count)
        guard write(gate, lines, lines.count) == lines.count else { throw CocoaError(.fileWriteUnknown) }
        for process in processes { process.waitUntilExit() }
        return processes
    }

    /// The id in the lock file, once its holder has written it.
    static func waitForLockID(in bed: Testbed) -> String? {
        for _ in 0..<200 {
            let data = bed.file(".castform/state.json.lock")
            if let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let id = json["id"] as? String { return id }
            usleep(50_000)
        }
        return nil
    }
}
