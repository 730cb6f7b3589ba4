import Foundation

/// A webhook subscription. Soft-deleted like streams.
public struct LivepeerWebhook: Codable, Sendable, Hashable {
    public internal(set) var id: String
    public internal(set) var userId: String
    public internal(set) var projectId: String
    public internal(set) var createdAt: Int64
    public internal(set) var name: String
    public internal(set) var events: [String]
    public internal(set) var url: String
    /// writeOnly in the spec, but the server returns it on create and on GET (FACTS §5, §7).
    public internal(set) var sharedSecret: String?
    public internal(set) var streamId: String?
    public internal(set) var deleted: Bool
    var sequence: Int

    /// The stored document, which the server returns as it is (no writeOnly filter).
    var responseJSON: LivepeerJSON {
        .fields([
            "id": LivepeerJSON(id),
            "userId": LivepeerJSON(userId),
            "projectId": LivepeerJSON(projectId),
            "createdAt": LivepeerJSON(createdAt),
            "kind": "webhook",
            "name": LivepeerJSON(name),
            "events": LivepeerJSON(events),
            "url": LivepeerJSON(url),
            "sharedSecret": sharedSecret.map { LivepeerJSON($0) },
            "streamId": streamId.map { LivepeerJSON($0) },
        ])
    }
}
