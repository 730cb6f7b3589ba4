import Foundation
import Hummingbird

/// An emulator of Mixcloud's API (api.mixcloud.com, and the OAuth pages of www.mixcloud.com),
/// faithful to what reference/mixcloud/FACTS.md establishes and explicit where it chooses.
///
/// Routes (JSON is served as `text/javascript; charset=utf-8`; a path without its trailing
/// slash gets a 301 to the path with it, query kept; the token is the `access_token` query
/// parameter):
///
/// - `GET /oauth/authorize`: approves at once, as the first account; 302 to the redirect URI
///   with `code` and `state`.
/// - `GET|POST /oauth/access_token`: `{"access_token": ...}` for a valid code.
/// - `POST /upload/`: multipart, streamed to disk; `{"result": {"success": true, "key": ...}}`.
/// - `POST /upload/<user>/<slug>/edit/`: every upload field but `mp3`.
/// - `GET /me/`, `GET /<user>/`, `GET /<user>/<slug>/`, `GET /<user>/cloudcasts/`.
///
/// Uploads, edits and `/me/` need a token; reads do not, but a token that is sent must be
/// valid. Drafts and shows waiting for their `publish_date` are seen by their owner only; the
/// cloudcast list shows published shows only (unlisted ones neither: they are reachable by
/// link). Tests inspect `cloudcasts` and the request log, and control tokens and seed data
/// (`MixcloudEmulator+Control.swift`).
public final class MixcloudEmulator: EmulatedService {
    public let name = "mixcloud"
    public let limits: MixcloudLimits
    public let oauthClient: MixcloudOAuthClient
    /// Where uploaded audio and pictures are stored: `<data>/mixcloud-files/`, or a temporary
    /// directory (removed with the emulator) when there is no data directory.
    public let filesDirectory: URL
    let store: EmulatorStore<MixcloudState>
    let now: @Sendable () -> Date
    private let ownsFilesDirectory: Bool

    /// An emulator whose state and files survive restarts, in `dataDirectory` (`mixcloud.journal`
    /// and `mixcloud-files/`); without a directory, an in-memory one.
    ///
    /// - Parameters:
    ///   - accounts: users and their valid tokens; added to (or merged into) persisted ones.
    ///   - now: the clock for created/updated times, publish dates and OAuth code expiry.
    /// - Throws: `EmulatorStoreError` when the data cannot be read (naming the file and line)
    ///   or written.
    public init(dataDirectory: URL?, accounts: [MixcloudAccount] = [.deepSessions],
                oauthClient: MixcloudOAuthClient = .test, limits: MixcloudLimits = .documented,
                now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.limits = limits
        self.oauthClient = oauthClient
        self.now = now
        if let dataDirectory {
            filesDirectory = dataDirectory.appendingPathComponent("mixcloud-files")
            ownsFilesDirectory = false
        } else {
            filesDirectory = Self.temporaryFilesDirectory()
            ownsFilesDirectory = true
        }
        do {
            try FileManager.default.createDirectory(at: filesDirectory, withIntermediateDirectories: true)
        } catch {
            throw EmulatorStoreError.unwritable(file: filesDirectory.path, reason: EmulatorStoreError.describe(error))
        }
        store = try EmulatorStore(directory: dataDirectory, name: "mixcloud") { state in
            for account in accounts { state.merge(account) }
        }
    }

    /// An in-memory emulator (its files in a temporary directory removed with it).
    public init(accounts: [MixcloudAccount] = [.deepSessions], oauthClient: MixcloudOAuthClient = .test,
                limits: MixcloudLimits = .documented, now: @escaping @Sendable () -> Date = { Date() }) {
        self.limits = limits
        self.oauthClient = oauthClient
        self.now = now
        filesDirectory = Self.temporaryFilesDirectory()
        ownsFilesDirectory = true
        try? FileManager.default.createDirectory(at: filesDirectory, withIntermediateDirectories: true)
        store = EmulatorStore { state in
            for account in accounts { state.merge(account) }
        }
    }

    private static func temporaryFilesDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("castform-mixcloud-\(UUID().uuidString)")
    }

    deinit {
        if ownsFilesDirectory { try? FileManager.default.removeItem(at: filesDirectory) }
    }

    public func addRoutes(to router: Router<EmulatorContext>) {
        router.add(middleware: MixcloudMiddleware())
        router.get("/oauth/authorize") { request, _ in try await self.authorize(request) }
        router.get("/oauth/access_token") { request, _ in try await self.accessToken(request) }
        router.post("/oauth/access_token") { request, _ in try await self.accessToken(request) }
        router.post("/upload") { request, context in try await self.upload(request, context: context) }
        router.post("/upload/:user/:slug/edit") { request, context in try await self.edit(request, context: context) }
        router.get("/me") { request, _ in try await self.me(request) }
        router.get("/:user") { request, context in try await self.user(request, username: context.parameters.require("user")) }
        router.get("/:user/cloudcasts") { request, context in
            try await self.cloudcastList(request, username: context.parameters.require("user"))
        }
        router.get("/:user/:slug") { request, context in
            try await self.cloudcast(request, username: context.parameters.require("user"), slug: context.parameters.require("slug"))
        }
    }
}
