import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// Whose shows castform manages: castform.yaml's `user`, or the access token's owner; a token
/// of another account, or no token at all, fails the plan before anything is read or sent.
@Suite(.serialized) struct MixcloudAccountTests {
    /// The workspace's castform.yaml without `user:`.
    static func withoutUser(_ workspace: MixcloudWorkspace) throws {
        try workspace.directory.write("castform.yaml", """
            providers:
              mixcloud: {endpoint: "http://127.0.0.1:\(workspace.port)"}
            variables:
              show_prefix: Deep Sessions
            """)
    }

    @Test func withoutAUserTheTokensOwnerIsTheAccount() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        try Self.withoutUser(workspace)
        let apply = try await workspace.castform("apply", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(Set(await workspace.shows.values.map(\.owner)) == ["deepsessions"])
        #expect(try await workspace.castform("plan", "--detailed-exitcode").status == 0)
    }

    @Test func aTokenOfAnotherAccountFailsThePlanWithBothNames() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        try await workspace.emulator.addAccount(MixcloudAccount(username: "nightshift", tokens: ["nightshift-token"]))
        let plan = try await workspace.castform("plan", environment: ["MIXCLOUD_ACCESS_TOKEN": "nightshift-token"])
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("Mixcloud: the access token belongs to the account nightshift, but castform.yaml names deepsessions (providers.mixcloud.user)"), "\(plan.stderr)")
        #expect(workspace.server.log.entries.map(\.path) == ["/me/"], "nothing but the question was asked")
    }

    @Test func noTokenFailsThePlanBeforeAnyRequestSayingWhereCastformLooked() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        let plan = try await workspace.castform("plan", environment: ["MIXCLOUD_ACCESS_TOKEN": "", "CASTFORM_CREDENTIALS": workspace.directory.path + "/none.json"])
        #expect(plan.status == 1)
        #expect(plan.stderr.contains("no Mixcloud access token: castform looked in MIXCLOUD_ACCESS_TOKEN (not set), the credentials file \(workspace.directory.path)/none.json (no mixcloud token) and \(workspace.directory.path)/.netrc (no machine mixcloud-api)"), "\(plan.stderr)")
        #expect(workspace.server.log.entries.isEmpty)
    }

    /// The sandbox serves the account the workspace names, so its shows live under its name.
    @Test func theSandboxServesTheAccountTheWorkspaceNames() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        try workspace.directory.write("castform.yaml", "providers:\n  mixcloud: {user: nightshift}\nvariables:\n  show_prefix: Night Shift\n")
        let apply = try await workspace.castform("apply", "--sandbox", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains("[id=/nightshift/night-shift-41/]"), "\(apply.stdout)")
        let plan = try await workspace.castform("plan", "--sandbox", "--detailed-exitcode")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
    }

    /// The Python `mixcloud` library's show file as it is: no castform.yaml, no account name,
    /// the MP3 beside it.
    @Test func aPythonLibraryShowFileAppliesInTheSandboxAsItIs() async throws {
        let workspace = try await MixcloudWorkspace(example: false)
        defer { Task { await workspace.stop() } }
        try FileManager.default.removeItem(atPath: workspace.directory.path + "/castform.yaml")
        let source = MixcloudWorkspace.repositoryRoot + "/examples/weekly-show/shows/"
        for name in ["guest-mix-07.yaml", "guest-mix-07.mp3"] {
            try FileManager.default.copyItem(atPath: source + name, toPath: workspace.directory.path + "/" + name)
        }
        let apply = try await workspace.castform("apply", "--sandbox", "--auto-approve")
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(apply.stdout.contains("Resources: 1 added"), "\(apply.stdout)")
        let plan = try await workspace.castform("plan", "--sandbox", "--detailed-exitcode")
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
    }
}
