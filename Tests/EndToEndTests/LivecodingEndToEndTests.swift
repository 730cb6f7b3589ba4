import CastformTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// Livecoding.tv with the built binary: scheduled broadcasts driving one Livepeer stream each in
/// the sandbox; against `castform emulator`, a login through the loopback redirect (a script
/// plays the browser), an expired token refreshed once by two processes at once with the
/// rotated refresh token stored, and a spent refresh token answered with the login hint.
@Suite struct LivecodingEndToEndTests {
    static let manifest = """
        data:
          livecoding_scheduled_broadcasts:
            upcoming: {livestream: deepsessions, limit: 10}

        livepeer_stream:
          coding-stream:
            for_each: ${data.livecoding_scheduled_broadcasts.upcoming.broadcasts}
            name: "${each.value.title} (${each.value.start_time})"
        """

    static func environment(_ directory: TemporaryDirectory) -> [String: String] {
        ["PATH": "/usr/bin:/bin", "NO_COLOR": "1", "HOME": directory.path, "CASTFORM_CREDENTIALS": directory.path + "/credentials.json"]
    }

    @Test func broadcastsMakeOneStreamEachInTheSandbox() throws {
        let directory = try TemporaryDirectory("castform-livecoding")
        defer { directory.remove() }
        _ = try directory.write("main.yaml", Self.manifest)
        func castform(_ arguments: String...) throws -> ProcessResult {
            try ProcessRunner.run(ProcessRunner.castformBinary(), arguments, environment: Self.environment(directory), directory: directory.path)
        }
        let plan = try castform("plan", "--sandbox")
        #expect(plan.stdout.contains(#"# livepeer_stream.coding-stream["101"] will be created"#), "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("\"Building a synth in Swift (2026-12-10T19:00:00Z)\""), "\(plan.stdout)")
        #expect(plan.stdout.contains("Plan: 3 to add, 0 to change, 0 to destroy."), "\(plan.stdout)")
        #expect(try castform("apply", "--sandbox", "--auto-approve").status == 0)
        #expect(try castform("plan", "--sandbox", "--detailed-exitcode").status == 0)
    }

    @Test func aStreamersLivestreamIsReadAndAnUnknownOneIsAPositionedError() throws {
        let directory = try TemporaryDirectory("castform-livecoding")
        defer { directory.remove() }
        _ = try directory.write("main.yaml", "data:\n  livecoding_livestream:\n    live: {user: codewithme}\n    nobody: {user: nosuchuser}\n")
        func castform(_ arguments: String...) throws -> ProcessResult {
            try ProcessRunner.run(ProcessRunner.castformBinary(), arguments, environment: Self.environment(directory), directory: directory.path)
        }
        let plan = try castform("plan", "--sandbox")
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("main.yaml:4:5: error: Livecoding.tv /api/livestreams/nosuchuser/ failed: HTTP 404 (Not found.)"), "\(plan.stderr)")
        _ = try directory.write("main.yaml", "data:\n  livecoding_livestream:\n    live: {user: codewithme}\n")
        #expect(try castform("apply", "--sandbox", "--auto-approve").status == 0)
        #expect(try castform("output", "--sandbox", "-raw", "data.livecoding_livestream.live.viewers_live").stdout == "42")
        #expect(try castform("output", "--sandbox", "-raw", "data.livecoding_livestream.live.title").stdout == "Code with me")
    }

    @Test func loginRefreshOnceAcrossProcessesAndASpentTokenAsksForLogin() async throws {
        let emulator = try await EmulatorCommand.start(binary: ProcessRunner.castformBinary(), services: ["livecoding"])
        defer { emulator.stop() }
        let url = try #require(emulator.urls["livecoding"])
        let directory = try TemporaryDirectory("castform-livecoding")
        defer { directory.remove() }
        _ = try directory.write("main.yaml", Self.manifest.replacingOccurrences(of: "livepeer_stream:", with: "unused_:").components(separatedBy: "unused_:")[0])
        _ = try directory.write("castform.yaml", "providers:\n  livecoding: {endpoint: \"\(url)\"}\n")
        let browser = try directory.write("browser.sh", "#!/bin/sh\n/usr/bin/curl -sL \"$1\" > /dev/null\n")
        chmod(browser, 0o755)
        var environment = Self.environment(directory)
        environment["CASTFORM_BROWSER"] = browser
        environment["LIVECODING_CLIENT_ID"] = "castform-sandbox"
        environment["LIVECODING_CLIENT_SECRET"] = "sandbox-secret"
        let processEnvironment = environment
        let path = directory.path
        let run: @Sendable ([String]) async throws -> ProcessResult = { arguments in
            try await ProcessRunner.runOnOwnThread(ProcessRunner.castformBinary(), arguments, environment: processEnvironment, directory: path)
        }
        let login = try await run(["login", "livecoding", "--endpoint", url])
        #expect(login.status == 0 && login.stdout.contains("Logged in to Livecoding.tv"), "\(login.stdout)\(login.stderr)")
        let credentials = directory.path + "/credentials.json"
        #expect(try FileManager.default.attributesOfItem(atPath: credentials)[.posixPermissions] as? Int == 0o600)
        let first = try String(contentsOfFile: credentials, encoding: .utf8)
        #expect(try await run(["plan"]).status == 0)

        try await Self.post(url + "/_castform/livecoding/expire")
        async let one = run(["plan"])
        async let two = run(["plan"])
        let (a, b) = try await (one, two)
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        #expect(try await Self.get(url + "/_castform/livecoding/grants").contains("\"refreshes\":1"))
        let rotated = try String(contentsOfFile: credentials, encoding: .utf8)
        #expect(rotated != first && !a.stdout.contains("lca.") && !a.stderr.contains("lcr."))

        // Someone spends the stored refresh token (another machine with a copy of the file).
        let refresh = try #require(rotated.range(of: #"lcr\.[^\\"]*"#, options: .regularExpression).map { String(rotated[$0]) })
        try await Self.post(url + "/o/token/", body: "grant_type=refresh_token&refresh_token=\(refresh)&client_id=castform-sandbox&client_secret=sandbox-secret")
        try await Self.post(url + "/_castform/livecoding/expire")
        let refused = try await run(["plan"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("run castform login livecoding again"), "\(refused.stderr)")
        #expect(try await run(["logout", "livecoding"]).status == 0)
        #expect(!(try String(contentsOfFile: credentials, encoding: .utf8)).contains("livecoding"))
    }

    static func post(_ url: String, body: String = "") async throws {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = "POST"
        request.httpBody = Data(body.utf8)
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        _ = try await URLSession.shared.data(for: request)
    }

    static func get(_ url: String) async throws -> String {
        String(decoding: try await URLSession.shared.data(from: URL(string: url)!).0, as: UTF8.self)
    }
}
