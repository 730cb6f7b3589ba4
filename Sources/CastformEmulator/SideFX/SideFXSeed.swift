import Crypto
import Foundation

/// One daily build, as `download.get_daily_builds_list` lists it.
public struct SideFXBuild: Sendable, Hashable {
    public var product: String
    public var version: String
    /// A number written as a string, as the API does: "1000" sorts before "640" as text.
    public var build: String
    public var platform: String
    /// "gold" (production) or "devel" (daily).
    public var release: String
    /// "good" or "bad".
    public var status: String
    public var date: String

    var filename: String { "\(product)-\(version).\(build)-\(platform).tar.gz" }

    /// The file's bytes: made from its name, so every emulator serves the same file and its
    /// MD5 is known without storing it (a few hundred KiB, enough to stream in chunks).
    var contents: [UInt8] {
        let seed = filename.utf8.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF }
        let size = 200_000 + (Int(build) ?? 0) % 1_000
        return (0..<size).map { UInt8(truncatingIfNeeded: ($0 &* 131 &+ seed &+ ($0 >> 8)) & 0xFF) }
    }

    var md5: String {
        Insecure.MD5.hash(data: contents).map { String(format: "%02x", $0) }.joined()
    }

    var listing: [String: Any] {
        ["product": product, "version": version, "build": build, "platform": platform, "release": release,
         "status": status, "date": date]
    }
}

/// The sandbox's builds of `houdini`: two versions, production and daily, one bad, with
/// build numbers whose text order differs from their numeric order (1000 after 987).
enum SideFXSeed {
    static let platform = "linux_x86_64_gcc11.2"

    static let builds: [SideFXBuild] = [
        SideFXBuild(product: "houdini", version: "20.0", build: "724", platform: platform, release: "gold", status: "good", date: "2026/06/02"),
        SideFXBuild(product: "houdini", version: "20.5", build: "640", platform: platform, release: "gold", status: "good", date: "2026/10/01"),
        SideFXBuild(product: "houdini", version: "20.5", build: "987", platform: platform, release: "gold", status: "good", date: "2026/11/20"),
        SideFXBuild(product: "houdini", version: "20.5", build: "1000", platform: platform, release: "devel", status: "good", date: "2026/12/01"),
        SideFXBuild(product: "houdini", version: "20.5", build: "1001", platform: platform, release: "devel", status: "bad", date: "2026/12/02"),
        SideFXBuild(product: "houdini", version: "20.5", build: "987", platform: "win64", release: "gold", status: "good", date: "2026/11/20"),
    ]

    static var changelog: [[String: Any]] { [
        ["title": "Faster USD import", "description": "<p>Large stages load faster.</p>", "pubdate": "2026/12/01",
         "version": "20.5.1000", "build": 1000],
        ["title": "Karma fix", "description": "<p>A crash with motion blur is fixed.</p>", "pubdate": "2026/11/20",
         "version": "20.5.987", "build": 987],
    ] }
}
