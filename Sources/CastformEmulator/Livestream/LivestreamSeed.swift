import Foundation

/// The sandbox's channel: the guide's own example, `proshowcase` ("Mogulus Pro Showcase"),
/// with its two sample playlists under `_root` and the six trailers and recorded show its
/// samples list, so the README's manifest reads the values the guide shows.
enum LivestreamSeed {
    static func date(_ text: String) -> Date {
        LivestreamFormat.rfc822.date(from: text) ?? Date(timeIntervalSince1970: 0)
    }

    static var proshowcase: LivestreamChannel {
        var channel = LivestreamChannel(name: "proshowcase", title: "Mogulus Pro Showcase",
                                        created: date("Fri, 17 Oct 2008 00:59:38 GMT"), rootPlaylistID: "9205475006471204305")
        channel.description = "Sample clips of Livestream's Pro channels."
        channel.tags = ["showcase", "trailers"]
        channel.isPremium = true
        channel.viewerMinutesToday = 64
        channel.viewerMinutesThisWeek = 84
        channel.viewerMinutesThisMonth = 1533
        channel.totalViewerMinutes = 330_445
        channel.bannerURL = "http://www.livestream.com/filestore/user-uploads/823F848F-76A3-B2AC-1D21-5F0503F3EC3A.png"
        channel.playlists += [
            LivestreamPlaylist(id: "6845317970224595470", title: "High - 700 Kbps (Pro) Samples", parentID: "9205475006471204305"),
            LivestreamPlaylist(id: "4056950833275962776", title: "HD - 1,700 Kbps (Pro) Samples", parentID: "9205475006471204305"),
        ]
        let high = "6845317970224595470", hd = "4056950833275962776"
        channel.clips = [
            clip("flv_7e12afb2-fae2-49e7-aef2-269febafbf10", "Quantum of Solace Trailer (700Kbps)", high, "Wed, 26 Nov 2008 16:53:43 GMT", 147.4),
            clip("flv_4ed433b2-0689-460e-9726-027c6a8b6f31", "Iron Man Trailer (700Kbps)", high, "Fri, 17 Oct 2008 01:05:09 GMT", 149.5),
            clip("flv_fee7795c-362b-434c-87b8-fd68a32a1ddd", "The Kite Runner Trailer (700Kbps)", high, "Wed, 19 Nov 2008 23:00:27 GMT", 114.4),
            clip("flv_3271446087426817161", "Iron Man Trailer (1,700Kbps)", hd, "Fri, 17 Oct 2008 16:32:20 GMT", 149.5),
            clip("flv_2b7a1c94-5d1e-4f3a-9c7b-8e6d5f4a3b21", "Quantum of Solace Trailer (1,700Kbps)", hd, "Thu, 16 Oct 2008 12:00:00 GMT", 147.4),
        ]
        var recorded = clip("pla_1145907244544877845", "Live Show [mogulus] Mon Nov 24 2008 04:09:48 PM", "9205475006471204305",
                            "Mon, 24 Nov 2008 21:09:48 GMT", 1987.279)
        recorded.isRecorded = true
        channel.clips.append(recorded)
        channel.events = [
            LivestreamEvent(title: "showcase", start: date("Tue, 27 Oct 2009 11:25:00 GMT"), end: date("Tue, 27 Oct 2009 11:43:00 GMT")),
            LivestreamEvent(title: "organize", start: date("Wed, 28 Oct 2009 11:20:00 GMT"), end: date("Wed, 28 Oct 2009 11:53:00 GMT")),
        ]
        return channel
    }

    static func clip(_ id: String, _ title: String, _ playlist: String, _ published: String, _ duration: Double) -> LivestreamClip {
        LivestreamClip(id: id, title: title, playlistID: playlist, published: date(published), duration: duration)
    }
}
