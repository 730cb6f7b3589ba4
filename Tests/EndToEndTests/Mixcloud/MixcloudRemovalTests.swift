import CastformEmulator
import Foundation
import Testing

/// `lifecycle.on_remove` through the built binary: the option is recorded at apply (without
/// a call to Mixcloud), and taking the show out of the manifests then unlists it, or leaves
/// it as it is, instead of moving it to drafts.
@Suite(.serialized) struct MixcloudRemovalTests {
    @Test(arguments: ApplyMode.allCases)
    func onRemoveUnlistAndForgetAreRecordedThenHonoured(_ mode: ApplyMode) async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)

        for (show, choice) in [("deep-sessions-41", "unlist"), ("deep-sessions-42", "forget")] {
            try workspace.edit("shows/\(show).yaml") {
                $0.replacingOccurrences(of: "  \(show):\n", with: "  \(show):\n    lifecycle: {on_remove: \(choice)}\n")
            }
        }
        let recording = try await workspace.castform("plan")
        #expect(recording.stdout.contains("~ lifecycle.on_remove = \"unpublish\" -> \"unlist\" (recorded in state only)"), "\(recording.stdout)")
        #expect(recording.stdout.contains("~ lifecycle.on_remove = \"unpublish\" -> \"forget\" (recorded in state only)"), "\(recording.stdout)")
        #expect(recording.stdout.contains("Plan: 0 to add, 2 to change, 0 to destroy."), "\(recording.stdout)")
        workspace.server.log.reset()
        let record = try await workspace.apply(mode)
        #expect(record.status == 0, "\(record.stdout)\(record.stderr)")
        #expect(workspace.server.log.entries.allSatisfy { $0.method == "GET" }, "nothing is sent to Mixcloud")
        let shown = try await workspace.castform("state", "show", "mixcloud_cloudcast.deep-sessions-41")
        #expect(shown.stdout.contains("  lifecycle.on_remove = \"unlist\"\n"), "\(shown.stdout)")

        for show in ["deep-sessions-41", "deep-sessions-42"] {
            try FileManager.default.removeItem(atPath: workspace.directory.path + "/shows/\(show).yaml")
        }
        let plan = try await workspace.castform("plan")
        #expect(plan.stdout.contains("mixcloud_cloudcast.deep-sessions-41 will be unlisted (it stays online, reachable only by its link"), "\(plan.stdout)")
        #expect(plan.stdout.contains("mixcloud_cloudcast.deep-sessions-42 will be left on Mixcloud as it is (castform stops managing it): castform will no longer manage it"), "\(plan.stdout)")
        #expect(plan.stdout.contains("Plan: 0 to add, 0 to change, 1 to destroy, 1 to forget."), "\(plan.stdout)")

        workspace.server.log.reset()
        let apply = try await workspace.apply(mode)
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains("1 destroyed, 1 forgotten."), "\(apply.stdout)")
        #expect(await workspace.shows["/deepsessions/deep-sessions-41/"]?.visibility == .unlisted)
        #expect(await workspace.shows["/deepsessions/deep-sessions-42/"]?.visibility == .published)
        #expect(workspace.edits("deep-sessions-41") == 1)
        #expect(workspace.edits("deep-sessions-42") == 0)

        let list = try await workspace.castform("state", "list")
        #expect(list.stdout == "mixcloud_cloudcast.guest-mix-07\n", "\(list.stdout)")
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
    }
}
