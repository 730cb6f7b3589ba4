import CastformCore
import Foundation

/// Livepeer Studio: live streams, multistream targets and webhooks.
///
/// Credentials come from `LIVEPEER_API_KEY` or the credentials file (`castform login
/// livepeer`); without either, every call answers with one diagnostic saying how to set one.
struct LivepeerProvider: Provider {
    let name = "livepeer"
    let schemas = LivepeerSchemas.all
    let api: LivepeerAPI?
    let missingKey: Diagnostic
    /// The stream list, started by `prefetch` while castform loads state.
    let prefetched = HeadStart<([Value], Int)>()

    init(context: ProviderContext) {
        // The sandbox's emulator knows one key; a real key from the environment would not work there.
        let sandboxKey = context.endpoints["livepeer"] != nil ? "livepeer-test-key" : nil
        let key = sandboxKey ?? context.environment["LIVEPEER_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (try? CredentialStore(path: context.credentialsPath).token(for: "livepeer")).flatMap { $0 }
        let baseURL = context.endpoint(for: "livepeer", default: LivepeerAPI.serviceURL)
        api = key.map { LivepeerAPI(baseURL: baseURL, apiKey: $0, verbose: context.verbose) }
        let file = context.credentialsPath.isEmpty ? "" : " and the credentials file \(context.credentialsPath) (no livepeer key)"
        missingKey = .error("Livepeer needs an API key: castform looked in LIVEPEER_API_KEY (not set)\(file); set LIVEPEER_API_KEY, or run `castform login livepeer` and paste one (Livepeer Studio → Developers → API keys)", at: nil)
    }

    /// A key must exist before a plan's first request; it is checked by the first call.
    func preflight(types: Set<String>) async -> [Diagnostic] {
        api == nil ? [missingKey] : []
    }

    func read(type: String, objects: [KnownObject]) async -> ReadResult {
        guard let api else { return ReadResult(diagnostics: [missingKey]) }
        switch type {
        case LivepeerSchemas.stream.name: return await readStreams(api, objects)
        case LivepeerSchemas.webhook.name: return await readWebhooks(api, objects)
        default: return await readTargets(api, objects)
        }
    }

    func create(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome {
        guard let api else { return .failed([missingKey]) }
        switch request.address.type {
        case LivepeerSchemas.stream.name: return await createStream(api, request)
        case LivepeerSchemas.webhook.name: return await createWebhook(api, request)
        default: return await createTarget(api, request)
        }
    }

    func update(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome {
        guard let api else { return .failed([missingKey]) }
        switch request.address.type {
        case LivepeerSchemas.stream.name: return await updateStream(api, request)
        case LivepeerSchemas.webhook.name: return await updateWebhook(api, request)
        default: return await updateTarget(api, request)
        }
    }

    func delete(_ request: OperationRequest) async -> OperationOutcome {
        guard let api else { return .failed([missingKey]) }
        guard let id = request.id else { return .succeeded(nil) }
        let path = switch request.address.type {
        case LivepeerSchemas.stream.name: "/stream/\(id)"
        case LivepeerSchemas.webhook.name: "/webhook/\(id)"
        default: "/multistream/target/\(id)"
        }
        do {
            _ = try await api.call(.delete, path, accepting: [404])
            return .succeeded(nil)
        } catch {
            return error.outcomeUnknown ? .unknown([error.diagnostic(request.address, "delete it")]) : .failed([error.diagnostic(request.address, "delete it")])
        }
    }

    func importObject(type: String, id: String) async -> ReadResult {
        guard let api else { return ReadResult(diagnostics: [missingKey]) }
        let path = switch type {
        case LivepeerSchemas.stream.name: "/stream/\(id)"
        case LivepeerSchemas.webhook.name: "/webhook/\(id)"
        default: "/multistream/target/\(id)"
        }
        do {
            let reply = try await api.call(.get, path, accepting: [404])
            guard reply.status != 404 else { return ReadResult(diagnostics: [.error("Livepeer has no \(type) with id \(id)", at: nil)], requestCount: 1) }
            let object: RemoteObject = switch type {
            case LivepeerSchemas.stream.name: LivepeerStreamMapping.decode(reply.json, hint: [:], inlineTargets: [])
            case LivepeerSchemas.webhook.name: Self.decodeWebhook(reply.json)
            default: Self.decodeTarget(reply.json)
            }
            return ReadResult(objects: [object.id: object], requestCount: 1)
        } catch {
            return ReadResult(diagnostics: [.error("could not read \(type) \(id): \(error.message)", at: nil)], requestCount: 1)
        }
    }

    func readData(type: String, arguments: [String: Value]) async -> DataResult {
        DataResult(diagnostics: [.error("Livepeer has no data source \(type)", at: nil)])
    }

    /// A failed write, as the engine wants it: unknown when the request may have been carried out.
    static func outcome(_ error: LivepeerAPI.Failure, _ address: ResourceAddress, _ action: String) -> OperationOutcome {
        error.outcomeUnknown ? .unknown([error.diagnostic(address, action)]) : .failed([error.diagnostic(address, action)])
    }
}
