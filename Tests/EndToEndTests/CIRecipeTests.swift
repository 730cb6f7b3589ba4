import CastformTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The CI recipes of docs/ci.md, played as CI plays them: one git repository of a workspace,
/// runners that each start from a fresh clone, the recipes' own scripts (`examples/ci/`), the
/// team's state in PostgreSQL, and `castform emulator` as the service.
@Suite(.serialized, .enabled(if: CIRunners.databaseURL != nil, "needs CASTFORM_TEST_PG_URL: scripts/test.sh starts a PostgreSQL"))
struct CIRecipeTests {
    /// Pull request, merge, and the next pull request: runner A plans with `-out`, runner B
    /// applies that very file, and runner A then finds nothing to do.
    @Test func aPlanMadeOnOneRunnerIsAppliedOnAnother() async throws {
        let runners = try await CIRunners()
        defer { runners.stop() }
        let a = try runners.clone("a"), b = try runners.clone("b")

        let plan = try await runners.run(a, "sh", "ci/castform-plan.sh")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("the plan has changes; review.plan saved"), "\(plan.stdout)")
        #expect(try String(contentsOfFile: a + "/plan.md", encoding: .utf8).contains("3 to add"))

        try FileManager.default.copyItem(atPath: a + "/review.plan", toPath: b + "/review.plan")  // the artifact
        let apply = try await runners.run(b, "sh", "ci/castform-apply.sh")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(try await runners.shows().count == 3)

        let next = try await runners.run(a, "sh", "ci/castform-plan.sh")
        #expect(next.status == 0, "\(next.stdout)\(next.stderr)")
        #expect(next.stdout.contains("no changes"), "\(next.stdout)")
    }

    /// Two merges applied at once: the first runner holds the team's lock, the second fails at
    /// once and names who holds it; the first finishes, and nothing is made twice.
    @Test func twoRunnersApplyingAtOnceNeverBothProceed() async throws {
        let runners = try await CIRunners()
        defer { runners.stop() }
        let a = try runners.clone("a"), b = try runners.clone("b")
        #expect(try await runners.run(a, "castform", "apply", "--auto-approve", "--input=false").status == 0)
        for runner in [a, b] { try runners.retitle(runner) }

        // Slow answers keep the first apply inside its lock while the second one starts.
        try await runners.setLatency(milliseconds: 2500)
        try await runners.resetRequestCount()
        let first = try ProcessRunner.start(ProcessRunner.castformBinary(), ["apply", "--auto-approve", "--input=false"],
                                            environment: runners.environment, directory: a, output: a + "/apply.log")
        for _ in 0..<400 where try await runners.requestCount() == 0 { try await Task.sleep(for: .milliseconds(50)) }
        let second = try await runners.run(b, "castform", "apply", "--auto-approve", "--input=false")
        try await runners.setLatency(milliseconds: 0)
        await Task.detached { first.waitUntilExit() }.value

        #expect(second.status == 1, "\(second.stdout)\(second.stderr)")
        #expect(second.stderr.contains("lock"), "\(second.stderr)")
        #expect(second.stderr.contains("\(first.processIdentifier)"), "the holder's pid: \(second.stderr)")
        let log = (try? String(contentsOfFile: a + "/apply.log", encoding: .utf8)) ?? ""
        #expect(first.terminationStatus == 0, "\(log)")
        #expect(try await runners.shows().count == 3)
        #expect(try await runners.shows().filter { $0.contains("(rerun)") }.count == 1)
    }

    /// A runner whose state is empty (here: a workspace name the database has never seen) plans
    /// the shows that exist as imports, never as new uploads.
    @Test func aRunnerWithoutStatePlansImportsNotUploads() async throws {
        let runners = try await CIRunners()
        defer { runners.stop() }
        let a = try runners.clone("a")
        #expect(try await runners.run(a, "castform", "apply", "--auto-approve", "--input=false").status == 0)

        let fresh = try runners.clone("fresh")
        let settings = fresh + "/castform.yaml"
        let text = try String(contentsOfFile: settings, encoding: .utf8)
        try text.replacingOccurrences(of: "workspace: \(runners.workspace)", with: "workspace: \(runners.workspace)-fresh")
            .write(toFile: settings, atomically: true, encoding: .utf8)
        let plan = try await runners.run(fresh, "castform", "plan", "--input=false")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("Plan: 3 to import, 0 to add, 0 to change, 0 to destroy."), "\(plan.stdout)")
        #expect(try await runners.shows().count == 3)
    }
}

/// A workspace repository (examples/weekly-show with the CI scripts, state in PostgreSQL under
/// a workspace name of its own) and the `castform emulator` it publishes to.
final class CIRunners {
    static var databaseURL: String? { ProcessInfo.processInfo.environment["CASTFORM_TEST_PG_URL"] }

    let root: TemporaryDirectory
    let emulator: EmulatorCommand
    let workspace = "ci-" + UUID().uuidString.prefix(8).lowercased()
    var mixcloud: String { emulator.urls["mixcloud"]! }

    init() async throws {
        root = try TemporaryDirectory("castform-ci")
        emulator = try await EmulatorCommand.start(binary: ProcessRunner.castformBinary(), services: ["mixcloud"])
        try makeOrigin()
    }

    /// What each runner's job has: the castform binary on PATH, the secrets CI passes.
    var environment: [String: String] {
        let binaries = URL(fileURLWithPath: ProcessRunner.castformBinary()).deletingLastPathComponent().path
        return ["PATH": binaries + ":/usr/bin:/bin", "NO_COLOR": "1", "HOME": root.path,
                "MIXCLOUD_ACCESS_TOKEN": "mixcloud-test-token", "CASTFORM_PG_URL": Self.databaseURL ?? "",
                "GIT_CONFIG_NOSYSTEM": "1"]
    }

    private func makeOrigin() throws {
        let origin = root.path + "/origin"
        let example = MixcloudWorkspace.repositoryRoot + "/examples/weekly-show"
        try FileManager.default.createDirectory(atPath: origin + "/ci", withIntermediateDirectories: true)
        for item in try FileManager.default.contentsOfDirectory(atPath: example) where item != ".castform" {
            try FileManager.default.copyItem(atPath: example + "/" + item, toPath: origin + "/" + item)
        }
        for script in ["castform-plan.sh", "castform-apply.sh"] {
            try FileManager.default.copyItem(atPath: MixcloudWorkspace.repositoryRoot + "/examples/ci/" + script, toPath: origin + "/ci/" + script)
        }
        try """
            providers:
              mixcloud: {user: deepsessions, endpoint: "\(mixcloud)"}
            variables:
              show_prefix: Deep Sessions
            state:
              backend: postgres
              url: "${env.CASTFORM_PG_URL}"
              workspace: \(workspace)
            """.write(toFile: origin + "/castform.yaml", atomically: true, encoding: .utf8)
        for arguments in [["init", "-q", "-b", "main"], ["add", "-A"],
                          ["-c", "user.name=castform", "-c", "user.email=ci@castform.invalid", "commit", "-qm", "The workspace"]] {
            let result = try ProcessRunner.run("/usr/bin/git", arguments, environment: environment, directory: origin)
            guard result.status == 0 else { throw RunnerFailure(description: "git \(arguments): \(result.stderr)") }
        }
    }

    /// A fresh clone of the workspace, as a CI runner checks it out: no `.castform/`.
    func clone(_ name: String) throws -> String {
        let path = root.path + "/" + name
        let result = try ProcessRunner.run("/usr/bin/git", ["clone", "-q", root.path + "/origin", path], environment: environment)
        guard result.status == 0 else { throw RunnerFailure(description: "git clone: \(result.stderr)") }
        return path
    }

    /// A step of a runner's job, in its checkout.
    func run(_ directory: String, _ program: String, _ arguments: String...) async throws -> ProcessResult {
        let executable = program == "castform" ? ProcessRunner.castformBinary() : "/bin/" + program
        return try await ProcessRunner.runOnOwnThread(executable, arguments, environment: environment, directory: directory)
    }

    /// The same edit a pull request would make, in a runner's checkout.
    func retitle(_ directory: String) throws {
        let path = directory + "/shows/deep-sessions-41.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "#41\"", with: "#41 (rerun)\"").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The titles of the account's shows, drafts and unlisted ones too, from the emulator.
    func shows() async throws -> [String] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: mixcloud + "/_castform/objects")!)
        let objects = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return objects.filter { $0["kind"] as? String == "cloudcast" }.compactMap { $0["name"] as? String }
    }

    func setLatency(milliseconds: Int) async throws {
        var request = URLRequest(url: URL(string: mixcloud + "/_castform/faults")!)
        request.httpMethod = "PUT"
        request.httpBody = Data("{\"latency_ms\": \(milliseconds)}".utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        _ = try await URLSession.shared.data(for: request)
    }

    func requestCount() async throws -> Int {
        let (data, _) = try await URLSession.shared.data(from: URL(string: mixcloud + "/_castform/requests")!)
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["total"] as? Int ?? 0
    }

    func resetRequestCount() async throws {
        var request = URLRequest(url: URL(string: mixcloud + "/_castform/requests")!)
        request.httpMethod = "DELETE"
        _ = try await URLSession.shared.data(for: request)
    }

    func stop() {
        emulator.stop()
        root.remove()
    }
}

struct RunnerFailure: Error, CustomStringConvertible {
    var description: String
}
