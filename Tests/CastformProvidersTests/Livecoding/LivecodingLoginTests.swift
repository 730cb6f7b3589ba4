import CastformCore
import CastformEmulator
import CastformTestSupport
@testable import CastformProviders
import Foundation
import Synchronization
import Testing

/// `castform login livecoding --no-browser`: the address is printed, the user approves in a
/// browser elsewhere and pastes back the address it was sent to (here curl plays the browser);
/// castform checks `state`, exchanges the code and stores the login privately; a pasted address
/// with another state is refused.
@Suite struct LivecodingLoginTests {
    @Test func aPastedRedirectLogsInAndAForeignStateIsRefused() async throws {
        let server = EmulatorServer(service: LivecodingEmulator())
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let endpoint = "http://127.0.0.1:\(port)"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("livecoding-login-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = CredentialStore(path: directory.path + "/credentials.json")
        let said = Mutex("")
        func context(tamper: Bool) -> LoginContext {
            LoginContext(store: store, environment: ["LIVECODING_CLIENT_ID": "castform-sandbox", "LIVECODING_CLIENT_SECRET": "sandbox-secret"],
                         endpoint: endpoint, noBrowser: true, say: { text in said.withLock { $0 = text } },
                         ask: { _ in
                             let address = said.withLock { $0 }.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                                 .first { $0.hasPrefix("http") } ?? ""
                             let location = await Self.redirectLocation(address)
                             return tamper ? location.replacingOccurrences(of: "state=", with: "state=x") : location
                         })
        }
        await #expect(throws: (any Error).self) { try await LivecodingLogin.run(context(tamper: true)) }
        #expect(LivecodingGrant.load(store, key: "livecoding@" + endpoint) == nil)
        _ = try await LivecodingLogin.run(context(tamper: false))
        let grant = try #require(LivecodingGrant.load(store, key: "livecoding@" + endpoint))
        #expect(grant.scope == "read" && grant.access.hasPrefix("lca.") && grant.refresh.hasPrefix("lcr."))
        #expect(try store.token(for: "livecoding-client") == "castform-sandbox:sandbox-secret")
        #expect(try FileManager.default.attributesOfItem(atPath: store.path)[.posixPermissions] as? Int == 0o600)
    }

    /// Where the authorize page sends the browser: its `Location`, without following it. curl
    /// runs on a thread of its own, awaited: the emulator answering it serves from this
    /// process's pool, which a blocking wait would take a thread from.
    static func redirectLocation(_ address: String) async -> String {
        let result = try? await ProcessRunner.runOnOwnThread("/usr/bin/curl", ["-s", "-o", "/dev/null", "-w", "%{redirect_url}", address])
        return result?.stdout ?? ""
    }
}
