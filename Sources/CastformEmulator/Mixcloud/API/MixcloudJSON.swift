import Foundation

/// The JSON the emulated API returns for cloudcasts, shaped like Mixcloud's samples
/// (reference/mixcloud/*.json): the full object of `GET /<user>/<slug>/` (2013 sample) and the
/// shorter list item of `GET /<user>/cloudcasts/` (2021 sample: no description, no sections).
///
/// Web URLs point at www.mixcloud.com as the real ones do; API URLs (paging, `metadata`) at
/// the emulator, so a client can follow them. Play, favourite and comment counts are 0: no one
/// listens to an emulator.
struct MixcloudJSON {
    /// "http://127.0.0.1:PORT", from the request's Host.
    var apiRoot: String
    var webRoot = "https://www.mixcloud.com"

    func cloudcast(_ cloudcast: MixcloudCloudcast, owner: MixcloudAccount, metadata: Bool) -> [String: Any] {
        var object = listItem(cloudcast, owner: owner)
        object["type"] = "cloudcast"
        object["description"] = cloudcast.description
        object["sections"] = cloudcast.sections.enumerated().map { section($1, position: $0 + 1) }
        if let music = cloudcast.otherFields["percentage_music"].flatMap(Int.init) { object["percentage_music"] = music }
        if metadata {
            let base = "\(apiRoot)\(cloudcast.key)"
            object["metadata"] = ["connections": [
                "listeners": "\(base)listeners/", "similar": "\(base)similar/",
                "favorites": "\(base)favorites/", "comments": "\(base)comments/",
            ]]
        }
        return object
    }

    func listItem(_ cloudcast: MixcloudCloudcast, owner: MixcloudAccount) -> [String: Any] {
        [
            "key": cloudcast.key,
            "url": webRoot + cloudcast.key,
            "name": cloudcast.name,
            "slug": cloudcast.slug,
            "tags": cloudcast.tags.map(tag),
            "created_time": Self.time(cloudcast.createdTime),
            "updated_time": Self.time(cloudcast.updatedTime),
            "play_count": 0, "favorite_count": 0, "comment_count": 0, "listener_count": 0, "repost_count": 0,
            "pictures": pictures(cloudcast.picture.map { "extaudio/\($0.sha256.prefix(16))" } ?? "defaultimage/cloudcast"),
            "user": userSummary(owner),
            "hidden_stats": cloudcast.hideStats,
            "audio_length": cloudcast.audioLength,
        ]
    }

    /// The user inside a cloudcast.
    func userSummary(_ account: MixcloudAccount) -> [String: Any] {
        [
            "key": "/\(account.username)/",
            "url": "\(webRoot)/\(account.username)/",
            "name": account.name,
            "username": account.username,
            "pictures": pictures("profile/\(account.username)"),
            "type": "user",
        ]
    }

    /// `GET /<user>/` and `GET /me/` (2013 sample, plus `is_pro` and `is_premium`).
    func user(_ account: MixcloudAccount, cloudcastCount: Int, metadata: Bool) -> [String: Any] {
        var object = userSummary(account)
        object["biog"] = ""
        object["city"] = ""
        object["country"] = ""
        object["created_time"] = Self.time(account.createdTime)
        object["updated_time"] = Self.time(account.createdTime)
        object["cloudcast_count"] = cloudcastCount
        for count in ["follower_count", "following_count", "favorite_count", "listen_count"] { object[count] = 0 }
        object["is_pro"] = account.isPro
        object["is_premium"] = false
        if metadata {
            let base = "\(apiRoot)/\(account.username)/"
            object["metadata"] = ["connections": Dictionary(uniqueKeysWithValues:
                ["followers", "favorites", "following", "cloudcasts", "listens"].map { ($0, "\(base)\($0)/") })]
        }
        return object
    }

    /// A track section as in the 2013 sample. Chapters are not in any sample (FACTS.md §5,
    /// [UNK]); the emulator writes `section_type: "chapter"` with the name in `chapter`.
    func section(_ section: MixcloudSection, position: Int) -> [String: Any] {
        var object: [String: Any] = ["position": position, "start_time": section.startTime as Any? ?? NSNull(), "type": "section"]
        switch section.content {
        case .track(let artist, let song):
            let artistSlug = Slug.make(from: artist)
            let trackKey = "/track/\(artistSlug)/\(Slug.make(from: song))/"
            object["section_type"] = "track"
            object["track"] = [
                "name": song, "slug": Slug.make(from: song), "key": trackKey, "url": webRoot + trackKey, "type": "track",
                "artist": ["name": artist, "slug": artistSlug, "key": "/artist/\(artistSlug)/",
                           "url": "\(webRoot)/artist/\(artistSlug)/", "type": "artist"],
            ]
        case .chapter(let name):
            object["section_type"] = "chapter"
            object["chapter"] = name
        }
        return object
    }

    /// Tags are keyed under /discover/ as in 2021 (they were /tag/ in 2013, /genres/ in the
    /// current docs); clients compare them by name.
    private func tag(_ name: String) -> [String: Any] {
        let key = "/discover/\(Slug.make(from: name))/"
        return ["key": key, "url": webRoot + key, "name": name, "type": "tag"]
    }

    /// The thumbnail sizes of the 2021 sample; the path carries the picture's hash, so a new
    /// picture gives new URLs, as a new upload does on Mixcloud.
    private func pictures(_ path: String) -> [String: String] {
        let sizes: [(String, Int)] = [
            ("small", 25), ("thumbnail", 50), ("medium_mobile", 80), ("medium", 100), ("large", 300),
            ("320wx320h", 320), ("extra_large", 600), ("640wx640h", 640), ("768wx768h", 768), ("1024wx1024h", 1024),
        ]
        return Dictionary(uniqueKeysWithValues: sizes.map { ($0.0, "https://thumbnailer.mixcloud.com/unsafe/\($0.1)x\($0.1)/\(path)") })
    }

    /// ISO 8601 in UTC to the second: "2021-06-10T16:28:53Z".
    static func time(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
