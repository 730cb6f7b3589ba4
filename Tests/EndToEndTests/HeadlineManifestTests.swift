import CastformTestSupport
import Foundation
import Testing

/// The manifest the README opens with is not decoration: written to a workspace as it stands,
/// it plans and applies in the sandbox — a Mixcloud show whose description comes from a
/// Livestream channel, a Livepeer stream restreaming to a target — and then plans no changes.
@Suite struct HeadlineManifestTests {
    static func headline() throws -> String {
        let readme = try String(contentsOfFile: MixcloudWorkspace.repositoryRoot + "/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "```yaml\n"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound]) + "\n"
    }

    @Test func theREADMEsManifestPlansAndAppliesInTheSandbox() throws {
        let directory = try TemporaryDirectory("castform-headline")
        defer { directory.remove() }
        _ = try directory.write("main.yaml", try Self.headline())
        _ = try directory.write("castform.yaml", "variables:\n  show_prefix: Deep Sessions\n")
        let audio = MixcloudWorkspace.repositoryRoot + "/examples/weekly-show/audio/deep-sessions-42.mp3"
        _ = try directory.write("audio/deep-sessions-42.mp3", try Data(contentsOf: URL(fileURLWithPath: audio)))
        let environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path,
                           "YOUTUBE_RTMP_URL": "rtmp://a.rtmp.youtube.com/live2/secret-key"]
        func castform(_ arguments: String...) throws -> ProcessResult {
            try ProcessRunner.run(ProcessRunner.castformBinary(), arguments, environment: environment, directory: directory.path)
        }
        let plan = try castform("plan", "--sandbox")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("\"Recorded live on Mogulus Pro Showcase.\""), "\(plan.stdout)")
        #expect(plan.stdout.contains("Plan: 3 to add, 0 to change, 0 to destroy."), "\(plan.stdout)")
        #expect(!plan.stdout.contains("secret-key") && !plan.stderr.contains("secret-key"))
        let apply = try castform("apply", "--sandbox", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(try castform("plan", "--sandbox", "--detailed-exitcode").status == 0)
    }
}
