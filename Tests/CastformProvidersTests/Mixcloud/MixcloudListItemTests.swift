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

    static var page: String { #"{"data": [\#(item), {"key": "/a/b/", "favorite_count": 2, "play_count": 4}, "odd"], "paging": {"next": "n"}}"# }

    @Test func picturesTheOwnerAndCountersAreNotBuiltAndWhatIsReadIsKept() throws {
        let page = try JSONParser.parse(Array(Self.page.utf8), keeping: MixcloudClient.readPageParts)
        let whole = try JSONParser.parse(Array(Self.page.utf8))
        let items = try #require(page["data"]?.array)
        #expect(items.count == 3 && page["paging"]?["next"] == .string("n"))
        #expect(items[0]["pictures"] == nil && items[0]["user"] == nil)
        #expect(items[0]["tags"] == .array([.object(["name": .string("house")])]))
        #expect(items[0]["slug"] == .string("ep-1"))
        #expect(MixcloudRemote.attributes(items[0], full: false) == MixcloudRemote.attributes(try #require(whole["data"]?[0]), full: false))
        #expect(items[1] == .object(["key": .string("/a/b/"), "play_count": .number(4)]))
        #expect(items[2] == .string("odd"))
    }

    @Test(arguments: [
        ("/dj/show/", "/dj/show/"), ("dj/show", "/dj/show/"), ("/dj//show/", "/dj/show/"), ("//dj/show", "/dj/show/"),
        ("/", "//"), ("", "//"), ("/dj/ショー/", "/dj/ショー/"), ("/dj/show", "/dj/show/"),
    ])
    func keysAreNormalisedToOneSlashEachSide(_ key: String, _ expected: String) {
        #expect(MixcloudClient.normalisedKey(key) == expected)
    }
}
