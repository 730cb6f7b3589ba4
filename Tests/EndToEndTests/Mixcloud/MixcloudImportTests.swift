import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// `castform import mixcloud_cloudcast.NAME /user/slug/` adopts a show that exists.
@Suite(.serialized) struct MixcloudImportTests {
    /// Import reads each show in full, so state records when its description and tracklist
    /// were read, and the plan after it fetches no show one by one.
    @Test func importedShowsPlanNoChanges() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        try workspace.forgetState()
        for name in ["deep-sessions-41", "deep-sessions-42", "guest-mix-07"] {
            let imported = try await workspace.castform("import", "mixcloud_cloudcast.\(name)", "deepsessions/\(name)")
            #expect(imported.status == 0, "\(imported.stdout)\(imported.stderr)")
        }
        #expect(workspace.server.log.count("POST", "/upload/") == 3)
        workspace.server.log.reset()
        let plan = try await workspace.castform("plan", "--detailed-exitcode")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(workspace.singleGets == [:])
        #expect(await workspace.shows.count == 3)
    }

    /// The files an imported show declares are fingerprinted at the import: a new picture
    /// saved under the same name afterwards is an edit, not silently taken as the old one.
    @Test func filesAreFingerprintedWhenImported() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        try workspace.forgetState()
        #expect(try await workspace.castform("import", "mixcloud_cloudcast.deep-sessions-41", "/deepsessions/deep-sessions-41/").status == 0)
        let state = try String(contentsOfFile: workspace.directory.path + "/.castform/state.json", encoding: .utf8)
        #expect(state.contains("picture_sha256") && state.contains("audio_sha256"), "\(state)")

        try workspace.append(16, to: "art/deep-sessions-41.jpg")
        let plan = try await workspace.castform("plan", "--target", "mixcloud_cloudcast.deep-sessions-41")
        #expect(plan.stdout.contains("~ picture = \"art/deep-sessions-41.jpg (new content, sha256 "), "\(plan.stdout)\(plan.stderr)")
    }
}
