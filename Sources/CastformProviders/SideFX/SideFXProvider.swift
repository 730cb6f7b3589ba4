// SideFX: the SideFX Web API (client credentials, RPC over `POST /api/`), read as two data
// sources (SideFXSchemas): `sidefx_call`, one read-only function's result, and `sidefx_build`,
// the newest good build of a product with its signed download URL and MD5; plus the action
// `castform run data.sidefx_build.NAME download --to DIR`, which streams the file to disk,
// resumes a partial one with Range, and checks the MD5.
//
// SideFXTokens fetches and caches the application token (credentials file, until
// `expires_in`); SideFXClient makes the calls; what goes wrong is a SideFXProblem.
import CastformCore
import CastformHTTP
import Foundation

struct SideFXProvider: DataOnlyProvider, ActionProvider {
    let name = "sidefx"
    let schemas = SideFXSchemas.all
    let client: SideFXClient?
    let credentialsFile: String

    /// Credentials: the sandbox's own, or SIDEFX_CLIENT_ID/SIDEFX_CLIENT_SECRET, or the
    /// credentials file's `sidefx` entry (`id:secret`, written by `castform login sidefx`).
    init(context: ProviderContext, clock: any HTTPClock = SystemClock()) {
        credentialsFile = context.credentialsPath
        let endpoint = context.endpoint(for: "sidefx", default: SideFXClient.defaultEndpoint)
        let store = CredentialStore(path: context.credentialsPath)
        var credentials: (String, String)?
        if context.endpoints["sidefx"] != nil {
            credentials = ("castform-sandbox", "sandbox-secret-key")
        } else if let id = context.environment["SIDEFX_CLIENT_ID"], let secret = context.environment["SIDEFX_CLIENT_SECRET"],
                  !id.isEmpty, !secret.isEmpty {
            credentials = (id, secret)
        } else if let stored = try? store.token(for: "sidefx"), let colon = stored.firstIndex(of: ":") {
            credentials = (String(stored[..<colon]), String(stored[stored.index(after: colon)...]))
        }
        client = credentials.map { id, secret in
            SideFXClient(endpoint: endpoint, tokens: SideFXTokens(endpoint: endpoint, storeKey: "sidefx-token@" + (context.endpoints["sidefx"] == nil ? endpoint : "sandbox"),
                                                                  clientID: id, clientSecret: secret, store: store,
                                                                  clock: clock, verbose: context.verbose),
                         clock: clock, verbose: context.verbose)
        }
    }

    func preflight(types: Set<String>) async -> [Diagnostic] {
        client == nil ? [Diagnostic(SideFXProblem.noCredentials(credentialsFile: credentialsFile), at: nil)] : []
    }

    func readData(type: String, arguments: [String: Value]) async -> DataResult {
        guard let client else { return DataResult(diagnostics: [Diagnostic(SideFXProblem.noCredentials(credentialsFile: credentialsFile), at: nil)]) }
        do throws(SideFXProblem) {
            if type == SideFXSchemas.call.name {
                let function = arguments["function"]?.stringValue ?? ""
                var args: [Value] = []
                var kwargs: [String: Value] = [:]
                if case .list(let items)? = arguments["args"]?.unmarked { args = items }
                if case .object(let fields)? = arguments["kwargs"]?.unmarked { kwargs = fields }
                let result = try await client.call(function, args: args.map(JSONValue.init(wire:)), kwargs: kwargs.mapValues(JSONValue.init(wire:)))
                return DataResult(attributes: ["result": Value(wire: result)])
            }
            return DataResult(attributes: try await SideFXBuildChoice(client: client).newest(arguments))
        } catch {
            return DataResult(diagnostics: [Diagnostic(error, at: nil)])
        }
    }

    // MARK: Actions

    func actions(type: String) -> [(name: String, summary: String)] {
        type == SideFXSchemas.build.name ? [("download", "download the build's file into --to DIR and check its MD5")] : []
    }

    func perform(action: String, type: String, id: String, options: [String: String]) async -> ActionResult {
        guard let client else { return ActionResult(diagnostics: [Diagnostic(SideFXProblem.noCredentials(credentialsFile: credentialsFile), at: nil)]) }
        do throws(SideFXProblem) {
            let path = try await SideFXDownload(client: client).run(options)
            return ActionResult(message: "Downloaded \(path) (MD5 checked).")
        } catch {
            return ActionResult(diagnostics: [Diagnostic(error, at: nil)])
        }
    }
}
