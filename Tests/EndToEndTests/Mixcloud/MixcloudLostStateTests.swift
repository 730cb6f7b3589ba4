import CastformTestSupport
import Foundation
import Testing

/// Issue 10's case on the service where it costs most: Mixcloud cannot delete a show, so a
/// lost state read as empty would upload every show again, for good. The sandbox keeps its
/// state under .castform/sandbox/, by the same rules.
@Suite struct MixcloudLostStateTests {
    @Test func aDeletedSandboxStateFileIsRefusedAndItsBackupBringsItBack() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        let example = MixcloudWorkspace.repositoryRoot + "/examples/weekly-show/castform.yaml"
        let settings = try String(contentsOfFile: example, encoding: .utf8)
        try workspace.directory.write("castform.yaml", settings)
        #expect(try await workspace.castform("apply", "--sandbox", "--auto-approve", ".").stdout.contains("Resources: 3 added"))
        // A second run, so that the backup holds the first one's state.
        try workspace.directory.write("castform.yaml", settings.replacingOccurrences(of: "show_prefix: Deep Sessions", with: "show_prefix: Deep Sessions Radio"))
        let renamed = try await workspace.castform("apply", "--sandbox", "--auto-approve", ".")
        #expect(renamed.stdout.contains("Resources: 0 added, 2 changed"), "\(renamed.stdout)\(renamed.stderr)")
        let state = workspace.directory.path + "/.castform/sandbox/state.json"
        try FileManager.default.removeItem(atPath: state)

        let plan = try await workspace.castform("plan", "--sandbox", "--detailed-exitcode", ".")
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("the state file \(state) is missing, but this workspace had state"), "\(plan.stderr)")
        #expect(plan.stderr.contains("Restore the backup with: cp \(state).backup \(state)."))
        let apply = try await workspace.castform("apply", "--sandbox", "--auto-approve", ".")
        #expect(apply.status == 1)
        #expect(!apply.stdout.contains("added"))

        try FileManager.default.copyItem(atPath: state + ".backup", toPath: state)
        let restored = try await workspace.castform("plan", "--sandbox", "--detailed-exitcode", ".")
        #expect(restored.status == 0, "\(restored.stdout)\(restored.stderr)")
    }
}
