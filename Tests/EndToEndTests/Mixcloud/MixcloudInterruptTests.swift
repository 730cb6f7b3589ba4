import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// Ctrl-C or a CI job's SIGTERM during a long upload: castform stops the upload (it does not
/// go on for the hour a 4 GiB file takes), records what it knows, and the next run makes the
/// show exactly once.
@Suite(.serialized) struct MixcloudInterruptTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsAnUploadInFlightAndTheShowIsMadeOnce(_ signal: Int32) async throws {
        // 64 MiB at 256 KiB/s: over four minutes if nothing stopped it.
        let workspace = try await MixcloudWorkspace(example: false, faults: FaultPlan(uploadBytesPerSecond: 256 << 10))
        defer { Task { await workspace.stop() } }
        try workspace.directory.writeSparse("long-set.mp3", size: 64 << 20)
        try workspace.directory.write("show.yaml", """
            mixcloud_cloudcast:
              long-set: {title: Long Set, audio: long-set.mp3}
            """)
        let process = try workspace.start("apply", "--auto-approve")
        // The upload is under way once its pending record is in the journal.
        let journal = workspace.directory.path + "/.castform/state.json.journal"
        for _ in 0..<200 where !((try? String(contentsOfFile: journal, encoding: .utf8)) ?? "").contains("pending") {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(500))
        let signalled = ContinuousClock.now
        kill(process.processIdentifier, signal)
        await Task.detached { process.waitUntilExit() }.value
        let log = (try? String(contentsOfFile: workspace.directory.path + "/castform.log", encoding: .utf8)) ?? ""
        // A second or so; the bound is loose for a loaded CI machine, the upload alone is minutes.
        #expect(ContinuousClock.now - signalled < .seconds(15), "\(log)")
        #expect(process.terminationStatus == 1, "\(log)")
        #expect(log.contains("the upload was stopped after"), "\(log)")
        #expect(await workspace.shows.isEmpty)

        workspace.server.faults.update(FaultPlan())
        let apply = try await workspace.castform("apply", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(await workspace.shows.count == 1)
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
    }
}
