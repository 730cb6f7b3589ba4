/// The upload limits Mixcloud documents. Tests may lower them to exercise the checks without
/// sending gigabytes; `documented` is what the service enforces.
public struct MixcloudLimits: Sendable, Hashable {
    /// `mp3`: 4294967296 bytes.
    public var audioBytes: Int64
    /// `picture`: 10485760 bytes.
    public var pictureBytes: Int64
    /// `description`: 1000 characters (Unicode code points, as Python counts them).
    public var descriptionCharacters: Int
    /// `tags-X-tag` with X in 0...4.
    public var tags: Int
    /// `hosts-X-username` with X in 0...1.
    public var hosts: Int

    public init(audioBytes: Int64 = 4_294_967_296, pictureBytes: Int64 = 10_485_760,
                descriptionCharacters: Int = 1000, tags: Int = 5, hosts: Int = 2) {
        self.audioBytes = audioBytes
        self.pictureBytes = pictureBytes
        self.descriptionCharacters = descriptionCharacters
        self.tags = tags
        self.hosts = hosts
    }

    public static let documented = MixcloudLimits()
}
