import CastformEmulator
import CastformTestSupport
import Foundation
import Testing

/// Where the Mixcloud token comes from: `castform login mixcloud` (OAuth with a loopback
/// redirect), ~/.netrc, and what a revoked token says.
@Suite(.serialized) struct MixcloudCredentialTests {
    @Test func loginRunsTheOAuthFlowAndStoresTheTokenPrivately() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        // The "browser" follows the authorize redirect back to castform's loopback port.
        let browser = try workspace.directory.write("browser.sh", "#!/bin/sh\n/usr/bin/curl -s -L \"$1\" > /dev/null\n")
        chmod(browser, 0o755)
        let credentials = workspace.directory.path + "/credentials.json"
        let environment = [
            "MIXCLOUD_CLIENT_ID": MixcloudOAuthClient.test.id, "MIXCLOUD_CLIENT_SECRET": MixcloudOAuthClient.test.secret,
            "CASTFORM_BROWSER": browser, "CASTFORM_CREDENTIALS": credentials, "MIXCLOUD_ACCESS_TOKEN": "",
        ]
        let login = try await workspace.castform("login", "mixcloud", "--endpoint", "http://127.0.0.1:\(workspace.port)", environment: environment)
        #expect(login.status == 0, "\(login.stdout)\(login.stderr)")
        #expect(login.stdout.contains("/oauth/authorize?client_id="))
        let mode = try FileManager.default.attributesOfItem(atPath: credentials)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let apply = try await workspace.castform("apply", "--auto-approve", environment: environment)
        #expect(apply.status == 0, "\(apply.stdout)\(apply.stderr)")
        #expect(await workspace.shows.count == 3)
        let logout = try await workspace.castform("logout", "mixcloud", environment: environment)
        #expect(logout.stdout.contains("Removed"))
        let plan = try await workspace.castform("plan", environment: environment)
        #expect(plan.status != 0)
        #expect(plan.stderr.contains("castform login mixcloud"), "\(plan.stderr)")
    }

    @Test func netrcIsReadAndLoosePermissionsAreRefusedInWords() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        let netrc = try workspace.directory.write(".netrc", "machine example.org password x\nmachine mixcloud-api login me password mixcloud-test-token\n")
        chmod(netrc, 0o644)
        let loose = try await workspace.castform("plan", environment: ["MIXCLOUD_ACCESS_TOKEN": ""])
        #expect(loose.status != 0)
        #expect(loose.stderr.contains("chmod 600"), "\(loose.stderr)")
        chmod(netrc, 0o600)
        let plan = try await workspace.castform("plan", environment: ["MIXCLOUD_ACCESS_TOKEN": ""])
        #expect(plan.status == 0, "\(plan.stdout)\(plan.stderr)")
        #expect(plan.stdout.contains("No changes"))
    }

    @Test func revokedTokenSaysToLogInAgain() async throws {
        let workspace = try await MixcloudWorkspace()
        defer { Task { await workspace.stop() } }
        #expect(try await workspace.castform("apply", "--auto-approve").status == 0)
        try await workspace.emulator.revokeToken("mixcloud-test-token")
        let plan = try await workspace.castform("plan")
        #expect(plan.status != 0)
        #expect(plan.stderr.contains("log in again with `castform login mixcloud`"), "\(plan.stderr)")
    }
}
