import CastformCore
import Foundation

/// What a login flow may use: where to store the token, the environment, and the terminal.
public struct LoginContext: Sendable {
    public var store: CredentialStore
    public var environment: [String: String]
    /// Prints a line for the user.
    public var say: @Sendable (String) -> Void
    /// Reads a line the user types (nil at end of input). Awaited, never a blocking wait on
    /// Swift's pool: the pool is as wide as the machine has cores, and what answers (a browser
    /// played by a test, an emulator in the same process) may need one of its threads.
    public var ask: @Sendable (String) async -> String?
    /// The service's base URL (the emulator's in tests), when not the real one.
    public var endpoint: String?
    /// Open no browser and listen on no port: the user opens the address elsewhere and pastes
    /// back the address the browser was sent to.
    public var noBrowser: Bool

    public init(store: CredentialStore, environment: [String: String], endpoint: String? = nil, noBrowser: Bool = false,
                say: @escaping @Sendable (String) -> Void, ask: @escaping @Sendable (String) async -> String?) {
        self.store = store
        self.environment = environment
        self.endpoint = endpoint
        self.noBrowser = noBrowser
        self.say = say
        self.ask = ask
    }
}

extension Providers {
    /// Providers that `castform login` knows, each with its flow. Each provider folder adds its
    /// own flow here (Mixcloud: OAuth in the browser; Livepeer: a pasted API key).
    public static let loginFlows: [String: @Sendable (LoginContext) async throws -> String] = [
        "livecoding": LivecodingLogin.run,
        "livepeer": LivepeerLogin.run,
        "mixcloud": MixcloudLogin.run,
        "sidefx": SideFXLogin.run,
    ]
}

/// A login that could not finish, in words for the user; nothing was stored.
struct LoginFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
