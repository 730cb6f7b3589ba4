import Foundation

/// A multistream target: a platform's ingest URL (which embeds its stream key) that streams
/// push to. Targets belong to a user, not a project, and are deleted for real (FACTS §4).
public struct LivepeerMultistreamTarget: Codable, Sendable, Hashable {
    public internal(set) var id: String
    /// The server's default is the URL's host.
    public internal(set) var name: String
    public internal(set) var userId: String
    /// writeOnly: kept here for tests, never in a response.
    public internal(set) var url: String
    public internal(set) var disabled: Bool
    public internal(set) var createdAt: Int64
    var sequence: Int

    /// `cleanWriteOnlyResponse`: everything but `url`.
    var responseJSON: LivepeerJSON {
        .fields([
            "id": LivepeerJSON(id),
            "name": LivepeerJSON(name),
            "userId": LivepeerJSON(userId),
            "disabled": .bool(disabled),
            "createdAt": LivepeerJSON(createdAt),
        ])
    }
}
