import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// `castform import mixcloud_cloudcast.NAME /user/slug/` adopts a show that exists.
@Suite(.serialized) struct MixcloudImportTests {
    @Test func importedShowsPlanNoChanges() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        try FileManager.default.removeItem(atPath: workspace.directory.path + "/.castform/state.json")
        for name in ["deep-sessions-41", "deep-sessions-42", "guest-mix-07"] {
            let imported = try await workspace.castform("import", "mixcloud_cloudcast.\(name)", "deepsessions/\(name)")
            #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        }
        let plan = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(workspace.shows.count == 3)
        #expect(workspace.server.log.count("POST", "/upload/") == 3)
    }
}
