import CastformCore
import CastformHTTP
@testable import CastformProviders
import Testing

/// A plan holds every list item of the owner's shows until it compares them: the fields
/// castform never reads are dropped as each page arrives, and what it reads stays the same.
@Suite struct MixcloudListItemTests {
    static let item = """
        {"key": "/deepsessions/ep-1/", "name": "Ep 1", "slug": "ep-1", "url": "https://www.mixcloud.com/deepsessions/ep-1/",
         "tags": [{"key": "/discover/house/", "name": "house"}], "audio_length": 3600, "play_count": 3, "hidden_stats": false,
         "created_time": "2026-12-01T10:00:00Z", "updated_time": "2026-12-02T10:00:00Z",
         "pictures": {"large": "https://thumbnailer.mixcloud.com/unsafe/300x300/x"},
         "user": {"key": "/deepsessions/", "username": "deepsessions", "pictures": {"large": "https://example.com/u"}}}
        """

    @Test func picturesAndTheOwnerAreDroppedAndWhatIsReadIsKept() throws {
        let item = try #require(JSONValue(parsing: Array(Self.item.utf8)))
        let kept = MixcloudClient.withoutUnreadFields(item)
        #expect(kept["pictures"] == nil && kept["user"] == nil)
        #expect(kept["tags"] == .array([.object(["name": .string("house")])]))
        #expect(kept["slug"] == .string("ep-1"))
        #expect(MixcloudRemote.attributes(kept, full: false) == MixcloudRemote.attributes(item, full: false))
    }

    @Test func anythingElseIsLeftAsItIs() throws {
        let plain = try #require(JSONValue(parsing: Array(#"{"key": "/a/b/", "name": "B"}"#.utf8)))
        #expect(MixcloudClient.withoutUnreadFields(plain) == plain)
        let counters = try #require(JSONValue(parsing: Array(#"{"key": "/a/b/", "favorite_count": 2, "play_count": 4}"#.utf8)))
        #expect(MixcloudClient.withoutUnreadFields(counters) == .object(["key": .string("/a/b/"), "play_count": .number(4)]))
        #expect(MixcloudClient.withoutUnreadFields(.string("odd")) == .string("odd"))
    }

    @Test(arguments: [
        ("/dj/show/", "/dj/show/"), ("dj/show", "/dj/show/"), ("/dj//show/", "/dj/show/"), ("//dj/show", "/dj/show/"),
        ("/", "//"), ("", "//"), ("/dj/ショー/", "/dj/ショー/"), ("/dj/show", "/dj/show/"),
    ])
    func keysAreNormalisedToOneSlashEachSide(_ key: String, _ expected: String) {
        #expect(MixcloudClient.normalisedKey(key) == expected)
    }
}
