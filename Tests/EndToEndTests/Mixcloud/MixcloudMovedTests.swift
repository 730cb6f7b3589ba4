import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// Renaming a show's key: without `moved` the show would be unpublished and uploaded again;
/// with it, state follows the rename and the service is not written to.
@Suite(.serialized) struct MixcloudMovedTests {
    @Test func renamingAShowWithMovedUploadsNothing() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        let apply = try await workspace.castform("apply", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        try workspace.edit("shows/deep-sessions-42.yaml") {
            $0.replacingOccurrences(of: "  deep-sessions-42:", with: "  ds-42:")
                + "moved:\n  - {from: mixcloud_cloudcast.deep-sessions-42, to: mixcloud_cloudcast.ds-42}\n"
        }
        workspace.server.log.reset()
        let plan = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(plan.status == 2, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("# mixcloud_cloudcast.deep-sessions-42 has moved to mixcloud_cloudcast.ds-42"), "\(plan.stdout)")
        #expect(plan.stdout.contains("Plan: 0 to add, 0 to change, 0 to destroy."), "\(plan.stdout)")
        let json = try await workspace.castform("plan", "--json")
        #expect(json.stdout.contains("\"previous_address\" : \"mixcloud_cloudcast.deep-sessions-42\""), "\(json.stdout)")

        let moved = try await workspace.castform("apply", "--auto-approve")
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        #expect(workspace.server.log.entries.allSatisfy { $0.method == "GET" }, "\(workspace.server.log.entries.map(\.path))")
        #expect(await workspace.shows.count == 3)
        let list = try await workspace.castform("state", "list")
        #expect(list.stdout.contains("mixcloud_cloudcast.ds-42\n") && !list.stdout.contains("deep-sessions-42"), "\(list.stdout)")
        let again = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
    }
}
