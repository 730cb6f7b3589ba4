@testable import CastformProviders
import CastformCore
import Foundation
import Testing

/// `castform login livepeer`: a pasted key is checked, then stored with mode 0600, and used.
@Suite struct LivepeerLoginTests {
    @Test func aPastedKeyIsCheckedStoredPrivatelyAndUsed() async throws {
        let engine = try await LivepeerEngine([:])
        defer { Task { await engine.stop() } }
        let path = engine.directory.path + "/config/credentials.json"
        let store = CredentialStore(path: path)
        func context(_ key: String) -> LoginContext {
            LoginContext(store: store, environment: [:], endpoint: engine.baseURL, say: { _ in }, ask: { _ in key })
        }
        await #expect(throws: (any Error).self) { try await LivepeerLogin.run(context("wrong-key")) }
        #expect(try store.token(for: "livepeer") == nil)
        _ = try await LivepeerLogin.run(context("livepeer-test-key"))
        #expect(try store.token(for: "livepeer") == "livepeer-test-key")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let provider = Providers.make(ProviderContext(settings: ["livepeer": ["endpoint": .string(engine.baseURL)]],
                                                      credentialsPath: path)).providers["livepeer"]!
        #expect(await provider.read(type: "livepeer_stream", objects: []).diagnostics.isEmpty)
    }
}
