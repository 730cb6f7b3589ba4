import CastformTestSupport
import Foundation
import Testing

/// A state file lost after an apply: castform refuses to plan from nothing (which would
/// make every object again), and the way back it prints works.
@Suite struct LostStateTests {
    static func manifests(size: Int) -> String {
        "fake_object:\n" + ["alpha", "beta", "gamma"].map { "  \($0): {name: \($0), size: \(size)}\n" }.joined()
    }

    @Test func aDeletedStateFileStopsPlanAndApplyAndTheBackupBringsItBack() throws {
        let bed = try Testbed(Self.manifests(size: 1))
        defer { bed.directory.remove() }
        #expect(try bed.castform(["apply", "--auto-approve"]).status == 0)
        // A second run, so that the backup holds the first one's state.
        try bed.write(Self.manifests(size: 2))
        #expect(try bed.castform(["apply", "--auto-approve"]).status == 0)
        let statePath = bed.directory.path + "/.castform/state.json"
        try FileManager.default.removeItem(atPath: statePath)

        let plan = try bed.castform(["plan", "--detailed-exitcode"])
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("error: the state file \(statePath) is missing, but this workspace had state: its backup \(statePath).backup (serial"),
                "\(plan.stderr)")
        #expect(!plan.stdout.contains("to add"))
        let apply = try bed.castform(["apply", "--auto-approve"])
        #expect(apply.status == 1)
        #expect(bed.remoteNames == ["alpha", "beta", "gamma"])

        // As the message says:
        let command = try #require(plan.stderr.firstMatch(of: #/Restore the backup with: (cp \S+ \S+)\./#)).1
        #expect(command == "cp \(statePath).backup \(statePath)")
        #expect(try ProcessRunner.run("/bin/sh", ["-c", String(command)], directory: bed.directory.path).status == 0)
        let restored = try bed.castform(["plan", "--detailed-exitcode"])
        #expect(restored.status == 0, "\(restored.stdout)\(restored.stderr)")
        #expect(bed.remoteNames == ["alpha", "beta", "gamma"])
    }

    @Test func aJournalWithALineMissingStopsThePlan() throws {
        let bed = try Testbed(Self.manifests(size: 1))
        defer { bed.directory.remove() }
        #expect(try bed.castform(["apply", "--auto-approve"]).status == 0)
        // An interrupted run's journal, with a line gone: a change castform would not know of.
        let state = String(decoding: bed.file(".castform/state.json"), as: UTF8.self)
        let lineage = try #require(state.firstMatch(of: #/"lineage" : "([^"]+)"/#)).1
        let serial = try #require(state.firstMatch(of: #/"serial" : (\d+)/#).flatMap { Int($0.1) })
        let line = "{\"change\":{\"remove\":{\"_0\":\"fake_object.alpha\"}},\"lineage\":\"\(lineage)\",\"serial\":\(serial + 2)}\n"
        try bed.directory.write(".castform/state.json.journal", line)
        let plan = try bed.castform(["plan"])
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("does not continue the state \(bed.directory.path)/.castform/state.json (serial \(serial)): line 1 holds change \(serial + 2), but change \(serial + 1) comes next"),
                "\(plan.stderr)")
    }
}
