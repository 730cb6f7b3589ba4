import Foundation
import Hummingbird

// The Livestream emulator: the original Livestream's Channel API 2.0 (read-only, no keys),
// after the guide kept in reference/livestream/ and the digest in reference/OTHER-APIS.md.
//
// The real API is addressed by host — http://x<name>x.api.channel.livestream.com/2.0/<method>
// — so on loopback the escaped host is the first path segment: /x<name>x/2.0/<method>. A
// request to /2.0/<method> whose Host header is the real host name is answered too.
// Methods: info, livestatus, listplaylists, listclips, latestclips, clipdetails, thumbnail,
// events; `.xml` (or no suffix) gives media RSS with the documented namespaces, `.json` the
// RSS-derived JSON, `callback=` JSONP. List methods page with `page`/`maxresults`. Errors are
// HTML pages (400, 404); the documented rate limits answer 429 (LivestreamRateLimiter says
// which headers). In JSON, the list methods' `item` and `directory` are always arrays, while
// clipdetails' single `item` is an object, as converters of the time wrote one element.
//
// Layout: LivestreamModel (stored channels), LivestreamSeed (`proshowcase`, the guide's
// example), LivestreamFeeds (each method's node tree), LivestreamFeedNode (the tree, written
// as XML and JSON), LivestreamEmulator+Routes (the API), LivestreamEmulator+Admin (going live,
// adding clips and channels, for tests and demos).

/// An emulated Livestream Channel API, to serve with `EmulatorServer`.
public final class LivestreamEmulator: EmulatedService {
    public let name = "livestream"
    let store: EmulatorStore<LivestreamState>
    let clock: @Sendable () -> Date
    let limiter: LivestreamRateLimiter

    /// - Parameters:
    ///   - dataDirectory: where to keep the channels (`livestream.journal`) across restarts;
    ///     in memory when nil.
    ///   - seed: whether a new store starts with the channel `proshowcase`.
    ///   - now: the clock of the rate limits (tests pass a fixed one).
    /// - Throws: `EmulatorStoreError` when the directory's journal cannot be read or written.
    public init(dataDirectory: URL?, seed: Bool = true, now: @escaping @Sendable () -> Date = { Date() }) throws {
        store = try EmulatorStore(directory: dataDirectory, name: "livestream") { Self.prepare(&$0, seed: seed) }
        clock = now
        limiter = LivestreamRateLimiter(windows: LivestreamRateLimiter.documented)
    }

    /// An in-memory emulator, which cannot fail to start.
    public init(seed: Bool = true, now: @escaping @Sendable () -> Date = { Date() }) {
        store = EmulatorStore { Self.prepare(&$0, seed: seed) }
        clock = now
        limiter = LivestreamRateLimiter(windows: LivestreamRateLimiter.documented)
    }

    /// A new store (nothing journaled yet) starts with the guide's channel when `seed` says so.
    private static func prepare(_ state: inout LivestreamState, seed: Bool) {
        if seed, state.channels.isEmpty, state.sequence == 0 {
            state.channels["proshowcase"] = LivestreamSeed.proshowcase
        }
    }

    /// `my_Channel` → `xmy-channelx`, the guide's host rule (lowercased: DNS ignores case).
    static func label(for name: String) -> String {
        "x" + name.replacingOccurrences(of: "_", with: "-").lowercased() + "x"
    }

    public func addRoutes(to router: Router<EmulatorContext>) {
        addAPIRoutes(to: router)
        addAdminRoutes(to: router)
    }

    public func faultResponse(status: Int, retryAfter: Int?) -> Response {
        var headers = HTTPFields()
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return LivestreamServiceError(status: status, detail: "injected fault").response(headers: headers)
    }

    public func rateLimitResponse(retryAfter: Int) -> Response {
        faultResponse(status: 429, retryAfter: retryAfter)
    }

    public func inventory() async -> [EmulatedObject] {
        await store.read { state in
            state.channels.values.sorted { $0.name < $1.name }.flatMap { channel in
                [EmulatedObject(kind: "channel", id: channel.name, name: channel.title,
                                details: ["isLive": String(channel.isLive), "clips": String(channel.clips.count)])]
                    + channel.clips.map { EmulatedObject(kind: "clip", id: $0.id, name: $0.title, details: ["channel": channel.name]) }
            }
        }
    }

    // MARK: Inspection and arrangement

    public var channels: [LivestreamChannel] {
        get async { await store.read { $0.channels.values.sorted { $0.name < $1.name } } }
    }

    public func channel(_ name: String) async -> LivestreamChannel? {
        await store.read { $0.channels[name] }
    }

    /// Adds a channel, or replaces the one of that name.
    public func addChannel(_ channel: LivestreamChannel) async throws {
        try await store.mutate { $0.channels[channel.name] = channel }
    }

    /// Changes a channel as its owner (or its audience) would; false for an unknown channel.
    @discardableResult
    public func change(_ name: String, _ body: @escaping @Sendable (inout LivestreamChannel) -> Void) async throws -> Bool {
        try await store.mutate { state in
            guard var channel = state.channels[name] else { return false }
            body(&channel)
            state.channels[name] = channel
            return true
        }
    }

    /// What the broadcaster does: going live (with an audience) or off air.
    @discardableResult
    public func setLive(_ name: String, _ live: Bool, viewers: Int = 0) async throws -> Bool {
        try await change(name) { channel in
            channel.isLive = live
            channel.currentViewerCount = live ? viewers : 0
        }
    }

    /// A new clip, published now, in `playlist` (default: the root); nil for an unknown
    /// channel or playlist.
    @discardableResult
    public func addClip(to name: String, title: String, duration: Double, playlist: String? = nil,
                        recorded: Bool = false) async throws -> LivestreamClip? {
        let now = clock()
        return try await store.mutate { state -> LivestreamClip? in
            guard var channel = state.channels[name] else { return nil }
            let playlistID = playlist ?? channel.playlists[0].id
            guard channel.playlists.contains(where: { $0.id == playlistID }) else { return nil }
            let number = state.nextNumber()
            let id = recorded ? "pla_\(1_000_000_000_000_000_000 + number)" : "flv_\(UUID().uuidString.lowercased())"
            var clip = LivestreamClip(id: id, title: title, playlistID: playlistID, published: now, duration: duration)
            clip.isRecorded = recorded
            channel.clips.append(clip)
            state.channels[name] = channel
            return clip
        }
    }
}
