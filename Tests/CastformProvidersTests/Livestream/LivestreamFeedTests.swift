import CastformHTTP
@testable import CastformProviders
import Testing

/// The JSON habits clients cope with, beyond what the emulator writes: the `rss` wrapper, one
/// item as an object, booleans and numbers as text.
@Suite struct LivestreamFeedTests {
    func feed(_ text: String) -> LivestreamFeed? {
        JSONValue(parsing: Array(text.utf8)).flatMap(LivestreamFeed.init)
    }

    @Test func theRSSWrapperAndTheBareChannelAreBothRead() {
        #expect(feed(#"{"rss":{"channel":{"title":"A"}}}"#)?.channel["title"]?.string == "A")
        #expect(feed(#"{"channel":{"title":"B"}}"#)?.channel["title"]?.string == "B")
        #expect(feed(#"{"items":[]}"#) == nil)
    }

    @Test func oneItemAsAnObjectIsAListOfOne() throws {
        let channel = try #require(feed(#"{"channel":{"item":{"guid":"a"}}}"#)).channel
        #expect(LivestreamFeed.list(channel["item"]).count == 1)
        #expect(LivestreamFeed.list(channel["missing"]).isEmpty)
        let clip = LivestreamProvider.clip(LivestreamFeed.list(channel["item"])[0])
        #expect(clip["id"] == .string("a") && clip["thumbnail_url"] == .string("") && clip["duration"] == .null)
    }

    @Test func booleansAndNumbersAsTextOrAsJSON() {
        #expect(LivestreamFeed.bool(.string("true")) == true && LivestreamFeed.bool(.bool(false)) == false)
        #expect(LivestreamFeed.int(.string("330445")) == 330_445 && LivestreamFeed.int(.number(12)) == 12)
        #expect(LivestreamFeed.number(.string("771.301")) == 771.301 && LivestreamFeed.int(.string("1.5")) == nil)
        #expect(LivestreamFeed.text(.number(64)) == "64" && LivestreamFeed.text(.null) == "")
    }

    @Test func jsonpIsUnwrapped() {
        #expect(String(decoding: LivestreamClient.unwrappingJSONP(Array(#"cb({"channel":{}})"#.utf8)), as: UTF8.self) == #"{"channel":{}}"#)
        #expect(String(decoding: LivestreamClient.unwrappingJSONP(Array(#"{"channel":{}}"#.utf8)), as: UTF8.self) == #"{"channel":{}}"#)
    }
}
