import CastformCore
import Foundation

/// `castform login livepeer`: Livepeer Studio has no OAuth for API access, so the user pastes
/// an API key. castform checks it with one list call before storing it (mode 0600), so a
/// typo is caught now and not at the next apply.
enum LivepeerLogin {
    @Sendable static func run(_ context: LoginContext) async throws -> String {
        context.say("Create an API key in Livepeer Studio (Developers → API keys) and paste it here.")
        guard let key = await context.ask("API key: ")?.trimmingCharacters(in: .whitespaces), !key.isEmpty else {
            throw LoginFailure("no API key given; nothing stored")
        }
        let api = LivepeerAPI(baseURL: context.endpoint ?? LivepeerAPI.serviceURL, apiKey: key)
        do {
            _ = try await api.call(.get, "/stream", query: [(name: "limit", value: "1"), (name: "streamsonly", value: "1")])
        } catch {
            throw LoginFailure("Livepeer did not accept that key: \(error.message); nothing stored")
        }
        try context.store.store(key, for: "livepeer")
        return "Stored the Livepeer API key in \(context.store.path). LIVEPEER_API_KEY, when set, takes precedence."
    }
}
