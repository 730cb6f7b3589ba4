import CastformCore
import CastformEmulator
@testable import CastformProviders
import Foundation
import Synchronization
import Testing

/// `castform login sidefx` and the provider over real HTTP against the emulator: pasted
/// credentials are checked by fetching a token, stored with mode 0600, and used; the token is
/// cached and reused until it expires.
@Suite struct SideFXLoginTests {
    @Test func pastedCredentialsAreCheckedStoredPrivatelyAndUsed() async throws {
        let server = EmulatorServer(service: SideFXEmulator())
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let endpoint = "http://127.0.0.1:\(port)"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sidefx-login-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.path + "/credentials.json"
        let store = CredentialStore(path: path)
        func context(_ answers: [String]) -> LoginContext {
            let queue = AnswerQueue(answers)
            return LoginContext(store: store, environment: [:], endpoint: endpoint, say: { _ in }, ask: { _ in queue.next() })
        }
        await #expect(throws: (any Error).self) { try await SideFXLogin.run(context(["castform-sandbox", "wrong"])) }
        #expect(try store.token(for: "sidefx") == nil)
        _ = try await SideFXLogin.run(context(["castform-sandbox", "sandbox-secret-key"]))
        #expect(try store.token(for: "sidefx") == "castform-sandbox:sandbox-secret-key")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)

        let provider = SideFXProvider(context: ProviderContext(settings: ["sidefx": ["endpoint": .string(endpoint)]], credentialsPath: path))
        let result = await provider.readData(type: "sidefx_build", arguments: ["product": .string("houdini"), "version": .string("20.5"),
                                                                             "only_production": .bool(true)])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.attributes["build"] == .string("987"))
        let bad = await provider.readData(type: "sidefx_call", arguments: ["function": .string("download.no_such_function")])
        #expect(bad.diagnostics.first?.problem as? SideFXProblem
                == .apiError(function: "download.no_such_function", status: 400, detail: "Unknown API function: download.no_such_function"),
                "\(bad.diagnostics.map(\.message))")
    }
}

/// Answers handed out in order, from a closure the login calls on any thread.
final class AnswerQueue: Sendable {
    private let answers: Mutex<[String]>

    init(_ answers: [String]) {
        self.answers = Mutex(answers)
    }

    func next() -> String? {
        answers.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}
