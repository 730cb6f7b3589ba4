import CastformEmulator
import Foundation
import Testing

/// Mixcloud never returns a show's picture, so castform tracks it by content, as it does the
/// audio: a new image saved under the same name is sent with one edit, and then nothing.
@Suite(.serialized) struct MixcloudPictureTests {
    @Test(arguments: ApplyMode.allCases)
    func aNewImageUnderTheSameNameIsSentOnce(_ mode: ApplyMode) async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        let before = try #require(await workspace.shows["/deepsessions/deep-sessions-41/"]?.picture)

        try workspace.append(64, to: "art/deep-sessions-41.jpg")
        let size = try FileManager.default.attributesOfItem(atPath: workspace.directory.path + "/art/deep-sessions-41.jpg")[.size] as? Int

        let plan = try await workspace.castform("plan")
        #expect(plan.stdout.contains("mixcloud_cloudcast.deep-sessions-41 will be updated in place"), "\(plan.stdout)")
        #expect(plan.stdout.contains("~ picture = \"art/deep-sessions-41.jpg (new content, sha256 "), "\(plan.stdout)")
        #expect(plan.stdout.contains("Plan: 0 to add, 1 to change, 0 to destroy."), "\(plan.stdout)")
        #expect(!plan.stdout.contains("changed outside castform"), "\(plan.stdout)")

        workspace.server.log.reset()
        let apply = try await workspace.apply(mode)
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(workspace.edits("deep-sessions-41") == 1)
        let after = try #require(await workspace.shows["/deepsessions/deep-sessions-41/"]?.picture)
        #expect(after.sha256 != before.sha256)
        #expect(after.byteCount == Int64(size ?? -1))
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
    }
}
