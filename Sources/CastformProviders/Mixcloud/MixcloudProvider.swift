import CastformCore
import CastformHTTP
import Foundation

/// `mixcloud_cloudcast` against Mixcloud's API (or the emulator in `--sandbox`).
///
/// Mixcloud can neither replace a show's audio nor delete a show (FACTS.md §3, §4): a new
/// audio file is a new upload, and removal moves the show to drafts (`unpublish`).
public struct MixcloudProvider: Provider {
    public let name = "mixcloud"
    public var schemas: [ResourceTypeSchema] { MixcloudSchemas.all }

    let client: MixcloudClient?
    /// Why there is no client (no token, no user): said by every call that needs one.
    let unavailable: [Diagnostic]
    /// Manifest paths are relative to the workspace root.
    let root: String
    /// The owner's show list, started by `prefetch` while castform loads state.
    let prefetched = HeadStart<([JSONValue], Int)>()

    public init(_ context: ProviderContext) {
        root = context.workspaceRoot
        let settings = context.settings["mixcloud"] ?? [:]
        let baseURL = context.endpoint(for: "mixcloud", default: MixcloudClient.service)
        let user = settings["user"]?.unmarked.stringValue ?? context.environment["MIXCLOUD_USER"]
        switch MixcloudCredentials.token(context) {
        case .success(let token):
            // Without a configured user, the token's owner is the account (asked once).
            client = MixcloudClient(baseURL: baseURL, user: user, token: token, verbose: context.verbose)
            unavailable = []
        case .failure(let error):
            client = nil
            unavailable = [.error("Mixcloud: \(error.message)", at: nil)]
        }
    }

    // MARK: Create, update, remove

    public func create(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome {
        guard let client else { return .failed(unavailable) }
        guard let audio = request.desired["audio"]?.unmarked.stringValue else {
            return .failed([.error("\(request.address): audio is required", at: nil)])
        }
        // Taken when the create was noted, before the pending record: the file as it was sent.
        let noted = request.notes.filter { key, _ in Self.fileRoles.contains { key.hasPrefix($0.role.rawValue + "_") } }
        let fingerprints = noted.isEmpty ? fingerprints(request.desired) : noted
        let tally = UploadTally()
        var form = MultipartForm(onProgress: { sent, total in
            tally.note(sent: sent, of: total)
            progress(TransferProgress(completed: sent, total: total))
        })
        for (name, value) in MixcloudFields.upload(request.desired) { form.addField(name, value) }
        form.addFile("mp3", path: absolute(audio), contentType: MixcloudClient.contentType(audio))
        if let picture = request.desired["picture"]?.unmarked.stringValue {
            form.addFile("picture", path: absolute(picture), contentType: MixcloudClient.contentType(picture))
        }
        do {
            let key = try await uploadRespectingRateLimit(form, client: client)
            return .succeeded(await created(key, request: request, fingerprints: fingerprints))
        } catch let error as HTTPError where error.outcomeUnknown {
            return .unknown([diagnostic(error, doing: "upload \(request.address)")])
        } catch is CancellationError {
            return cancelled(request, tally)
        } catch {
            return .failed([diagnostic(error, doing: "upload \(request.address)")])
        }
    }

    /// An upload stopped by a signal. Mixcloud cannot have made a show from a form whose last
    /// bytes it never got; once they were all handed over, the answer is what was lost.
    func cancelled(_ request: OperationRequest, _ tally: UploadTally) -> OperationOutcome {
        let (sent, total) = tally.progress
        if total > 0, sent < total {
            return .failed([.error("\(request.address): the upload was stopped after \(sent) of \(total) bytes; Mixcloud made nothing of it", at: nil)])
        }
        return .unknown([.error("\(request.address): the upload was stopped after its last byte was sent; the next run will look for the show before uploading it again", at: nil)])
    }

    /// A streamed upload is never re-sent by the retry middleware (its body cannot be replayed
    /// blindly), but Mixcloud's rate limit (403 RateLimitException) is refused before anything
    /// is stored, so re-sending it after the wait it asks for cannot make a second show.
    func uploadRespectingRateLimit(_ form: MultipartForm, client: MixcloudClient) async throws -> String {
        var attempt = 1
        while true {
            do {
                return try await client.upload(form)
            } catch let error as HTTPError {
                guard case .rateLimited(let retryAfter) = error.kind, attempt < Self.uploadAttempts else { throw error }
                let wait = min(retryAfter ?? .seconds(2 * attempt), Self.longestUploadWait)
                try await client.http.configuration.clock.sleep(for: wait)
                attempt += 1
            }
        }
    }

    static let uploadAttempts = 5
    static let longestUploadWait: Duration = .seconds(300)

    /// The new show as Mixcloud now holds it (one get, unless `json` is the show's full
    /// answer already), with the files it was made from.
    func created(_ key: String, request: OperationRequest, fingerprints: [String: Value], json full: JSONValue? = nil) async -> RemoteObject {
        let files = Dictionary(uniqueKeysWithValues: Self.fileRoles.compactMap { role in request.desired[role.attribute].map { (role.attribute, $0) } })
        let known = KnownObject(address: request.address, id: key, attributes: files, privateData: fingerprints)
        var json = full
        if json == nil { json = try? await client?.cloudcast(key) }
        if let json {
            var object = remoteObject(json, full: true, known: known)
            // What Mixcloud never returns is as the upload sent it (found again after a lost
            // answer, the show would otherwise plan an update of its picture).
            for attribute in MixcloudSchemas.cloudcast.body.attributes where attribute.writeOnly {
                if let value = request.desired[attribute.name] { object.attributes[attribute.name] = value }
            }
            return object
        }
        var attributes = request.desired
        attributes["id"] = .string(key)
        return RemoteObject(id: key, attributes: attributes, privateData: known.privateData)
    }

    public func update(_ request: OperationRequest, progress: @escaping ProgressHandler) async -> OperationOutcome {
        guard let client else { return .failed(unavailable) }
        guard let id = request.id else { return .failed([.error("\(request.address) has no Mixcloud key", at: nil)]) }
        let fields = MixcloudFields.edit(request.desired, changed: request.changed)
        let picture = request.changed.contains("picture") ? request.desired["picture"]?.unmarked.stringValue.map(absolute) : nil
        var attributes = request.prior?.attributes ?? [:]
        for name in request.changed { attributes[name] = request.desired[name] ?? .null }
        // As Mixcloud keeps it, so the next read does not look like a change made elsewhere.
        if let description = attributes["description"]?.stringValue { attributes["description"] = .string(MixcloudFields.trimmed(description)) }
        var privateData = request.prior?.privateData ?? [:]
        // A new picture is sent: its fingerprint is the one to compare with from now on.
        // Audio declared for a show imported without it is recorded as the show's file (the
        // API cannot replace or download audio), so later changes to the file are seen.
        privateData.merge(fingerprints(request.desired, only: Set(request.changed))) { $1 }
        let object = RemoteObject(id: id, attributes: attributes, privateData: privateData)
        guard !fields.isEmpty || picture != nil else { return .succeeded(object) }
        do {
            try await client.edit(id, fields: fields, picture: picture)
        } catch {
            return .failed([diagnostic(error, doing: "edit \(request.address)")])
        }
        // Every edit moves the show's updated_time: one get records what Mixcloud now holds
        // and when, so the next plan reads the show from the list alone. Without it (the get
        // failed) the next plan gets the show instead.
        let known = KnownObject(address: request.address, id: id, attributes: attributes, privateData: privateData)
        guard let json = try? await client.cloudcast(id) else { return .succeeded(object) }
        return .succeeded(remoteObject(json, full: true, known: known))
    }

    /// Removal moves the show to drafts, or with `on_remove: unlist` makes it unlisted: the API
    /// has no delete (FACTS.md §4). (`forget` never reaches the provider: the engine only
    /// drops the show from state.)
    public func delete(_ request: OperationRequest) async -> OperationOutcome {
        guard let client else { return .failed(unavailable) }
        guard let id = request.id else { return .succeeded(nil) }
        let unlist = request.lifecycle["on_remove"]?.stringValue == "unlist"
        do {
            guard try await client.cloudcast(id) != nil else { return .succeeded(nil) }
            try await client.edit(id, fields: [unlist ? ("unlisted", "1") : ("unpublish", "1")], picture: nil)
            return .succeeded(nil)
        } catch {
            return .failed([diagnostic(error, doing: "\(unlist ? "unlist" : "unpublish") \(request.address)")])
        }
    }

    // MARK: Import, data (recovery: MixcloudProvider+Recovery.swift)

    /// `castform import mixcloud_cloudcast.NAME /user/slug/`.
    public func importObject(type: String, id: String) async -> ReadResult {
        guard let client else { return ReadResult(diagnostics: unavailable) }
        do {
            guard let json = try await client.cloudcast(id) else {
                return ReadResult(diagnostics: [.error("Mixcloud has no show \(MixcloudClient.normalisedKey(id))", at: nil)], requestCount: 1)
            }
            let object = remoteObject(json, full: true, known: nil)
            return ReadResult(objects: [object.id: object], requestCount: 1)
        } catch {
            return ReadResult(diagnostics: [diagnostic(error, doing: "read \(id)")], requestCount: 1)
        }
    }

    public func readData(type: String, arguments: [String: Value]) async -> DataResult {
        DataResult(diagnostics: [.error("mixcloud has no data source \(type)", at: nil)])
    }

    // MARK: Helpers

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") || root.isEmpty ? path : root + "/" + path
    }

    /// The service's words, with what to do about a revoked token (FACTS.md §1: HTTP 400
    /// "An invalid access token was provided").
    func diagnostic(_ error: Error, doing action: String) -> Diagnostic {
        if let error = error as? HTTPError {
            if MixcloudRefusal(error) == .invalidToken {
                return .error("Mixcloud rejected the access token (\(error.serviceMessage ?? "")): it may have been revoked; log in again with `castform login mixcloud`", at: nil)
            }
            return .error("could not \(action): \(error.message)", at: nil)
        }
        return .error("could not \(action): \(error)", at: nil)
    }
}
