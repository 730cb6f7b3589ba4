import Foundation

/// A cloudcast as the emulator holds it: every field the API can set, the state the API
/// can only imply (draft, unlisted, scheduled), and what was stored of the uploaded files, so
/// tests can check exactly what a client sent.
public struct MixcloudCloudcast: Codable, Sendable, Hashable {
    public var owner: String
    public var slug: String
    public var name: String
    public var description: String
    public var tags: [String]
    public var sections: [MixcloudSection]
    /// Usernames of the show's hosts (Pro accounts: at most two).
    public var hosts: [String]
    /// Nil for seeded shows, which have no audio file.
    public var audio: MixcloudStoredFile?
    public var picture: MixcloudStoredFile?
    /// Seconds, estimated from the MP3's first frame (0 when it has none).
    public var audioLength: Int
    public var visibility: MixcloudVisibility
    /// When a scheduled show goes public.
    public var publishDate: Date?
    /// `publish_date` applies only to uploads that were never public.
    public var wasEverPublic: Bool
    public var disableComments: Bool
    public var hideStats: Bool
    /// Fields the API takes but does not document, such as `percentage_music`, as sent.
    public var otherFields: [String: String]
    public var createdTime: Date
    public var updatedTime: Date
    /// Creation order: lists put later uploads first, also within one second.
    public var sequence: Int

    /// The API path, which is also the object's `key`: "/deepsessions/deep-sessions-42/".
    public var key: String { "/\(owner)/\(slug)/" }

    /// The visibility at `now`: a scheduled show is published once its date has passed.
    public func visibility(at now: Date) -> MixcloudVisibility {
        if visibility == .scheduled, let publishDate, publishDate <= now { return .published }
        return visibility
    }

    /// Whether the show has been public at some point up to `now`.
    public func hasBeenPublic(at now: Date) -> Bool {
        wasEverPublic || visibility(at: now) == .published
    }
}

/// Who can see a cloudcast.
public enum MixcloudVisibility: String, Codable, Sendable {
    /// Public, listed in the owner's cloudcasts.
    case published
    /// Reachable by its URL only (`unlisted`).
    case unlisted
    /// Moved to drafts by `unpublish`; visible to its owner only.
    case draft
    /// Waiting for `publish_date`; visible to its owner only until then.
    case scheduled
}

/// One tracklist entry: a track (artist and song) or a chapter, from a start time.
public struct MixcloudSection: Codable, Sendable, Hashable {
    public enum Content: Codable, Sendable, Hashable {
        case track(artist: String, song: String)
        case chapter(String)
    }

    public var content: Content
    /// Seconds from the start; the API does not require it.
    public var startTime: Int?

    public init(_ content: Content, startTime: Int?) {
        self.content = content
        self.startTime = startTime
    }

    public static func track(_ artist: String, _ song: String, at startTime: Int?) -> Self {
        .init(.track(artist: artist, song: song), startTime: startTime)
    }

    public static func chapter(_ name: String, at startTime: Int?) -> Self {
        .init(.chapter(name), startTime: startTime)
    }
}

/// An uploaded file as stored: its name in the emulator's files directory, its size and hash.
public struct MixcloudStoredFile: Codable, Sendable, Hashable {
    /// The file's name inside `MixcloudEmulator.filesDirectory`.
    public var storedName: String
    /// The name the client gave the part.
    public var filename: String
    public var contentType: String?
    public var byteCount: Int64
    /// Lower-case hex SHA-256 of the bytes.
    public var sha256: String
}
