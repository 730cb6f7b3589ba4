import CastformTestSupport
import Foundation
import Testing

/// The CI round trip on the examples, in the sandbox: apply, edit, `plan -out`, `apply FILE`,
/// then no changes. A plan is applied where it was made: sandbox or real services, not both.
@Suite struct SavedPlanTests {
    /// A copy of `examples/NAME` in a temporary directory, driven through the binary.
    struct Example {
        let directory: TemporaryDirectory
        var environment: [String: String]

        init(_ name: String) throws {
            directory = try TemporaryDirectory("castform-example")
            let source = MixcloudWorkspace.repositoryRoot + "/examples/" + name
            for item in try FileManager.default.contentsOfDirectory(atPath: source) where item != ".castform" {
                try FileManager.default.copyItem(atPath: source + "/" + item, toPath: directory.path + "/" + item)
            }
            environment = ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path,
                           "YOUTUBE_RTMP_URL": "rtmp://a.rtmp.youtube.com/live2/yt-secret-key-1"]
        }

        func castform(_ arguments: String...) throws -> ProcessResult {
            try ProcessRunner.run(ProcessRunner.castformBinary(), arguments, environment: environment, directory: directory.path)
        }

        func edit(_ relative: String, _ change: (String) -> String) throws {
            let path = directory.path + "/" + relative
            try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    @Test(arguments: [
        ("weekly-show", "shows/deep-sessions-41.yaml", "#41\"", "#41 (live)\""),
        ("weekly-show", "shows/deep-sessions-42.yaml", "[deep house, soulful house, vinyl]", "[deep house, garage]"),
        ("live-event", "streams.yaml", "record: true", "record: false"),
        ("live-event", "streams.yaml", "refresh_interval: 600", "refresh_interval: 300"),
    ])
    func anEditPlannedWithOutIsAppliedFromTheFile(_ example: String, _ file: String, _ old: String, _ new: String) throws {
        let workspace = try Example(example)
        defer { workspace.directory.remove() }
        let first = try workspace.castform("apply", "--sandbox", "--auto-approve")
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        try workspace.edit(file) { $0.replacingOccurrences(of: old, with: new) }

        let plan = try workspace.castform("plan", "--sandbox", "-out", "review.plan")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("1 to change"), "\(plan.stdout)")
        #expect(plan.stdout.contains("Apply exactly it with: castform apply --sandbox review.plan"), "\(plan.stdout)")
        let apply = try workspace.castform("apply", "--sandbox", "review.plan")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains("Apply complete! Resources: 0 added, 1 changed, 0 destroyed."), "\(apply.stdout)")
        let again = try workspace.castform("plan", "--sandbox", "--detailed-exitcode")
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
    }

    @Test func aSandboxPlanIsRefusedOutsideTheSandboxAndSaysWhy() throws {
        let workspace = try Example("weekly-show")
        defer { workspace.directory.remove() }
        #expect(try workspace.castform("plan", "--sandbox", "-out", "review.plan").status == 0)
        let apply = try workspace.castform("apply", "review.plan")
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("review.plan was made with --sandbox, against castform's emulators: apply it with castform apply --sandbox review.plan"), "\(apply.stderr)")
    }

    @Test func aPlanForTheRealServicesIsRefusedInTheSandbox() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("plan", "-out", "review.plan").status == 0)
        let apply = try await workspace.castform("apply", "--sandbox", "review.plan")
        #expect(apply.status == 1)
        #expect(apply.stderr.contains("review.plan was made for the real services, without --sandbox"), "\(apply.stderr)")
        #expect(await workspace.shows.isEmpty)
    }
}
