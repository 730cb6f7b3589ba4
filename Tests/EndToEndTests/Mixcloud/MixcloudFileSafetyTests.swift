import Foundation
import Testing

/// A manifest from a pull request must not upload files of the machine CI runs on: a file
/// named through an environment value is checked when planning, as a written path is checked
/// when validating, and nothing is sent.
@Suite(.serialized) struct MixcloudFileSafetyTests {
    @Test func aPictureOutsideTheWorkspaceFromTheEnvironmentFailsThePlanAndUploadsNothing() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        try workspace.edit("shows/deep-sessions-41.yaml") {
            $0.replacingOccurrences(of: "picture: ../art/deep-sessions-41.jpg", with: "picture: \"${env.COVER}\"")
        }
        let environment = ["COVER": "/etc/passwd"]
        let validate = try await workspace.castform("validate", environment: environment)
        #expect(validate.status == 0, "\(validate.stderr)")

        let plan = try await workspace.castform("plan", environment: environment)
        #expect(plan.status == 1, "\(plan.stdout)")
        #expect(plan.stderr.contains("shows/deep-sessions-41.yaml:10:14: error: \"picture\" names a path from the environment, outside the workspace: castform uploads only files inside the workspace, unless castform.yaml sets files: {allow_outside_workspace: true}"),
                "\(plan.stderr)")
        #expect(!plan.stderr.contains("/etc/passwd"), "\(plan.stderr)")

        let apply = try await workspace.castform("apply", "--auto-approve", environment: environment)
        #expect(apply.status == 1, "\(apply.stdout)")
        #expect(await workspace.emulator.cloudcasts.isEmpty)
        #expect(workspace.server.log.count("POST", "/upload/") == 0)

        // Opted in, the file is named in a warning (not its path: it came from the environment),
        // and the plan goes ahead.
        try workspace.directory.write("castform.yaml", try String(contentsOfFile: workspace.directory.path + "/castform.yaml", encoding: .utf8)
                                      + "\nfiles: {allow_outside_workspace: true}\n")
        let allowed = try await workspace.castform("plan", environment: environment)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stderr.contains("warning: \"picture\" names a path from the environment, outside the workspace (allowed by files: {allow_outside_workspace: true} in castform.yaml)"),
                "\(allowed.stderr)")
    }
}
