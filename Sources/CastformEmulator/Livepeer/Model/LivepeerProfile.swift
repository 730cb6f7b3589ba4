import Foundation

/// A transcoding profile: `ffmpeg-profile` for a stream's renditions, `transcode-profile` for
/// `recordingSpec.profiles` (the same fields, but only `bitrate` required).
public struct LivepeerProfile: Codable, Sendable, Hashable {
    public var width: Int?
    public var name: String?
    public var height: Int?
    public var bitrate: Int
    public var fps: Int?
    public var fpsDen: Int?
    public var quality: Int?
    public var gop: String?
    public var profile: String?
    public var encoder: String?

    public init(name: String?, width: Int?, height: Int?, bitrate: Int, fps: Int?, fpsDen: Int? = nil,
                quality: Int? = nil, gop: String? = nil, profile: String? = nil, encoder: String? = nil) {
        self.name = name
        self.width = width
        self.height = height
        self.bitrate = bitrate
        self.fps = fps
        self.fpsDen = fpsDen
        self.quality = quality
        self.gop = gop
        self.profile = profile
        self.encoder = encoder
    }

    /// The renditions a stream gets when `profiles` is missing or null. The spec's default
    /// omits `profile`; the server's stored defaults carry `H264ConstrainedHigh` (FACTS §3).
    static let defaults: [LivepeerProfile] = [
        .init(name: "240p0", width: 426, height: 240, bitrate: 250_000, fps: 0, profile: "H264ConstrainedHigh"),
        .init(name: "360p0", width: 640, height: 360, bitrate: 800_000, fps: 0, profile: "H264ConstrainedHigh"),
        .init(name: "480p0", width: 854, height: 480, bitrate: 1_600_000, fps: 0, profile: "H264ConstrainedHigh"),
        .init(name: "720p0", width: 1280, height: 720, bitrate: 3_000_000, fps: 0, profile: "H264ConstrainedHigh"),
    ]

    /// From a body that passed the profile schema. The schema bounds every integer; the
    /// conversion is exact anyway, so a number no `Int` holds is dropped, never a trap.
    init(json: LivepeerJSON) {
        func int(_ key: String) -> Int? { json[key]?.numberValue.flatMap { Int(exactly: $0) } }
        self.init(name: json["name"]?.stringValue, width: int("width"), height: int("height"), bitrate: int("bitrate") ?? 0,
                  fps: int("fps"), fpsDen: int("fpsDen"), quality: int("quality"), gop: json["gop"]?.stringValue,
                  profile: json["profile"]?.stringValue, encoder: json["encoder"]?.stringValue)
    }

    /// The wire form, in the spec's field order.
    var json: LivepeerJSON {
        .fields([
            "width": width.map { LivepeerJSON($0) },
            "name": name.map { LivepeerJSON($0) },
            "height": height.map { LivepeerJSON($0) },
            "bitrate": LivepeerJSON(bitrate),
            "fps": fps.map { LivepeerJSON($0) },
            "fpsDen": fpsDen.map { LivepeerJSON($0) },
            "quality": quality.map { LivepeerJSON($0) },
            "gop": gop.map { LivepeerJSON($0) },
            "profile": profile.map { LivepeerJSON($0) },
            "encoder": encoder.map { LivepeerJSON($0) },
        ])
    }
}
