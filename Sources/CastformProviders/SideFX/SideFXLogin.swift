import CastformCore
import CastformHTTP
import Foundation

/// `castform login sidefx`: SideFX's API uses an application's client credentials, so the user
/// pastes the client id and secret. castform fetches a token with them before storing them
/// (mode 0600), so a typo is caught now and not at the next plan.
enum SideFXLogin {
    @Sendable static func run(_ context: LoginContext) async throws -> String {
        context.say("Create an application at https://www.sidefx.com/services/ (Manage applications authentication) and paste its credentials.")
        guard let id = await context.ask("Client id: ")?.trimmingCharacters(in: .whitespaces), !id.isEmpty,
              let secret = await context.ask("Client secret: ")?.trimmingCharacters(in: .whitespaces), !secret.isEmpty else {
            throw LoginFailure("no client id and secret given; nothing stored")
        }
        let endpoint = context.endpoint ?? SideFXClient.defaultEndpoint
        let tokens = SideFXTokens(endpoint: endpoint, storeKey: "sidefx-token@" + endpoint, clientID: id, clientSecret: secret,
                                  store: context.store, clock: SystemClock(), verbose: false)
        do {
            _ = try await tokens.token()
        } catch let problem as SideFXProblem {
            throw LoginFailure("\(problem.message); nothing stored")
        }
        try context.store.store(id + ":" + secret, for: "sidefx")
        return "Stored the SideFX client credentials in \(context.store.path). SIDEFX_CLIENT_ID and SIDEFX_CLIENT_SECRET, when set, take precedence."
    }
}
