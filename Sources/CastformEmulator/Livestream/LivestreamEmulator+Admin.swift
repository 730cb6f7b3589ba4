import Foundation
import Hummingbird
import NIOCore

/// Admin routes for what only the broadcaster could do, so a test or a demo driving
/// `castform emulator` from another process can change what the API answers. Under
/// `/_castform/`, so they are never faulted, rate-limited or counted.
///
/// - `PUT /_castform/livestream/channels/NAME`: `{"title", "description", "category", "tags"}`
///   (all optional) creates the channel or changes it.
/// - `POST /_castform/livestream/channels/NAME/live`: `{"live": true, "viewers": 12}`.
/// - `POST /_castform/livestream/channels/NAME/clips`: `{"title", "duration", "playlist",
///   "recorded"}` adds a clip published now; answers `{"id": ...}` with 201.
extension LivestreamEmulator {
    struct ChannelBody: Decodable {
        var title: String?
        var description: String?
        var category: String?
        var tags: [String]?
    }

    struct LiveBody: Decodable {
        var live: Bool
        var viewers: Int?
    }

    struct ClipBody: Decodable {
        var title: String
        var duration: Double?
        var playlist: String?
        var recorded: Bool?
    }

    func addAdminRoutes(to router: Router<EmulatorContext>) {
        let admin = router.group("_castform/livestream/channels")
        admin.put(":name") { [self] request, context in
            let name = context.parameters.get("name") ?? ""
            let body = try await Self.decode(ChannelBody.self, request)
            let now = clock()
            try await store.mutate { state in
                var channel: LivestreamChannel
                if let existing = state.channels[name] {
                    channel = existing
                } else {
                    let root = String(9_000_000_000_000_000_000 + state.nextNumber())
                    channel = LivestreamChannel(name: name, title: name, created: now, rootPlaylistID: root)
                }
                channel.title = body.title ?? channel.title
                channel.description = body.description ?? channel.description
                channel.category = body.category ?? channel.category
                channel.tags = body.tags ?? channel.tags
                state.channels[name] = channel
            }
            return Response(status: .noContent)
        }
        admin.post(":name/live") { [self] request, context in
            let body = try await Self.decode(LiveBody.self, request)
            return Response(status: try await setLive(context.parameters.get("name") ?? "", body.live, viewers: body.viewers ?? 0) ? .noContent : .notFound)
        }
        admin.post(":name/clips") { [self] request, context in
            let body = try await Self.decode(ClipBody.self, request)
            guard let clip = try await addClip(to: context.parameters.get("name") ?? "", title: body.title, duration: body.duration ?? 60,
                                     playlist: body.playlist, recorded: body.recorded ?? false) else { return Response(status: .notFound) }
            return Self.body("{\"id\":\(LivestreamJSON.string(clip.id))}", contentType: "application/json", status: .created)
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        let buffer = try await request.body.collect(upTo: 64 * 1024)
        do {
            return try JSONDecoder().decode(type, from: Data(buffer: buffer))
        } catch {
            throw HTTPError(.badRequest, message: "invalid body: \(error)")
        }
    }
}
