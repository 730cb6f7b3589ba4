import Foundation
import Hummingbird

// The Livepeer Studio emulator: the REST API at `https://livepeer.studio/api`, served under
// `/api` on loopback, for streams, multistream targets, webhooks and clips.
//
// It follows the public OpenAPI spec (`reference/livepeer/api-schema.yaml`); where the real
// server (studio's `packages/api`) behaves differently, it behaves like the server and says so
// where it does (FACTS.md). Requests are checked as the server checks them: Bearer API keys,
// the JSON schema with Ajv's error objects (422), then the business rules (400). Ids, stream
// keys and playback ids have the server's formats; state can persist in a directory.
//
// Layout: JSON/ (order-keeping JSON), Validation/ (schemas and an Ajv-like validator),
// Model/ (stored objects and their wire form), Rules/ (business rules, listing), HTTP/
// (auth, body, paging, responses), Routes/ (one file per resource).

/// An emulated Livepeer Studio, to serve with `EmulatorServer`.
///
/// Tests read what the server holds through `streams`, `sessions`, `targets`, `webhooks` and
/// `clips` (with the write-only fields a client never sees again, such as a target's `url`),
/// and drive what only the media server could do with `setActive(_:_:)`.
public final class LivepeerEmulator: EmulatedService {
    public let name = "livepeer"
    let store: EmulatorStore<LivepeerState>
    let clock: @Sendable () -> Date

    /// An emulator that keeps its state (`livepeer.journal`) in `dataDirectory` across
    /// restarts; in memory when nil.
    ///
    /// - Parameters:
    ///   - apiKeys: keys that authenticate; each gets its own user and project.
    ///   - now: the clock, for tests of time rules (terminate's 5 seconds).
    /// - Throws: `EmulatorStoreError` when the data cannot be read (naming the file and line)
    ///   or written.
    public init(dataDirectory: URL?, apiKeys: Set<String> = ["livepeer-test-key"],
                now: @escaping @Sendable () -> Date = { Date() }) throws {
        store = try EmulatorStore(directory: dataDirectory, name: "livepeer") { Self.add(apiKeys, to: &$0) }
        clock = now
    }

    /// An in-memory emulator.
    public init(apiKeys: Set<String> = ["livepeer-test-key"], now: @escaping @Sendable () -> Date = { Date() }) {
        store = EmulatorStore { Self.add(apiKeys, to: &$0) }
        clock = now
    }

    /// The current time in Unix milliseconds, the unit of every Livepeer timestamp.
    var now: Int64 { Int64((clock().timeIntervalSince1970 * 1000).rounded()) }

    public func addRoutes(to router: Router<EmulatorContext>) {
        let routes = LivepeerRoutes(group: router.group("api"), emulator: self)
        addStreamRoutes(to: routes)
        addStreamActionRoutes(to: routes)
        addMultistreamRoutes(to: routes)
        addWebhookRoutes(to: routes)
        addClipRoutes(to: routes)
        routes.addNotFound()
    }

    // MARK: Inspection

    /// Streams that exist (not deleted, not session objects), in creation order.
    public var streams: [LivepeerStream] {
        get async { await store.read { $0.streams.values.filter { !$0.deleted && !$0.isSession }.sorted { $0.sequence < $1.sequence } } }
    }

    /// Session objects created by `setActive(_:true)`, in creation order.
    public var sessions: [LivepeerStream] {
        get async { await store.read { $0.streams.values.filter { !$0.deleted && $0.isSession }.sorted { $0.sequence < $1.sequence } } }
    }

    /// Multistream targets, with their secret `url`, in creation order.
    public var targets: [LivepeerMultistreamTarget] {
        get async { await store.read { $0.targets.values.sorted { $0.sequence < $1.sequence } } }
    }

    /// Webhooks that exist (not deleted), with their `sharedSecret`, in creation order.
    public var webhooks: [LivepeerWebhook] {
        get async { await store.read { $0.webhooks.values.filter { !$0.deleted }.sorted { $0.sequence < $1.sequence } } }
    }

    public var clips: [LivepeerClip] {
        get async { await store.read { $0.clips.values.sorted { $0.sequence < $1.sequence } } }
    }

    public func account(forAPIKey key: String) async -> LivepeerAccount? {
        await store.read { $0.accounts[key] }
    }

    // MARK: Test helpers

    /// Lets `key` authenticate, as a new user with a new project (or returns the existing one).
    @discardableResult
    public func addAPIKey(_ key: String) async throws -> LivepeerAccount {
        try await store.mutate { Self.add(key, to: &$0) }
    }

    private static func add(_ keys: Set<String>, to state: inout LivepeerState) {
        for key in keys.sorted() { add(key, to: &state) }
    }

    @discardableResult
    private static func add(_ key: String, to state: inout LivepeerState) -> LivepeerAccount {
        if let existing = state.accounts[key] { return existing }
        let account = LivepeerAccount(userId: LivepeerKeys.id(), projectId: LivepeerKeys.id(),
                                      tokenName: "key-\(state.accounts.count + 1)")
        state.accounts[key] = account
        return account
    }

    /// What the media server does when a broadcast starts or stops: `isActive`, `lastSeen`,
    /// `isHealthy`, and on start a session object (child stream) that clips are cut from.
    ///
    /// Returns false, changing nothing, for an unknown or deleted stream, and when starting a
    /// suspended one (the server refuses it with 403 `stream is suspended`).
    @discardableResult
    public func setActive(_ streamID: String, _ active: Bool) async throws -> Bool {
        let now = self.now
        return try await store.mutate { state in
            guard var stream = state.streams[streamID], !stream.deleted, !stream.isSession else { return false }
            if active, stream.suspended == true { return false }
            stream.lastSeen = now
            if active {
                stream.isActive = true
                stream.isHealthy = stream.isHealthy ?? true
                let session = LivepeerSessions.start(for: stream, now: now, sequence: state.sequence())
                state.streams[session.id] = session
            } else {
                LivepeerStreamPatch.stopSessions(of: &stream, state: &state)
            }
            state.streams[streamID] = stream
            return true
        }
    }

    // MARK: Plumbing for the routes

    /// Runs `body` on the state and journals what it changed, even when `body` throws: the
    /// server is not transactional either (inline targets stay created when a later rule
    /// fails).
    func update<T: Sendable>(_ body: @Sendable (inout LivepeerState) throws -> T) async throws -> T {
        try await store.mutate(body)
    }
}
