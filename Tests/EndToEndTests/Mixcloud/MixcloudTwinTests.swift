import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// A CI runner without state sees the account's shows: each declared show that exists, in the
/// public list or (unlisted) at its address, is imported, never uploaded a second time.
@Suite(.serialized) struct MixcloudTwinTests {
    @Test func aWorkspaceWithoutStateImportsEveryShowWhateverItsVisibility() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        try workspace.edit("shows/deep-sessions-41.yaml") { $0.replacingOccurrences(of: "unlisted: false", with: "unlisted: true") }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        #expect(await workspace.shows["/deepsessions/deep-sessions-41/"]?.visibility == .unlisted)
        try FileManager.default.removeItem(atPath: workspace.directory.path + "/.castform")

        let plan = try await workspace.castform("plan")
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("# mixcloud_cloudcast.deep-sessions-41 will be imported: /deepsessions/deep-sessions-41/ exists already (Mixcloud's show /deepsessions/deep-sessions-41/ of deepsessions has the title \"Deep Sessions #41\")"), "\(plan.stdout)")
        #expect(plan.stdout.contains("Plan: 3 to import, 0 to add, 0 to change, 0 to destroy."), "\(plan.stdout)")
        workspace.server.log.reset()
        let apply = try await workspace.castform("apply", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(workspace.server.log.count("POST", "/upload/") == 0)
        #expect(await workspace.shows.count == 3)
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
    }
}
