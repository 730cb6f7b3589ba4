import CastformCore
import CastformHTTP
@testable import CastformProviders
import Testing

/// Numbers in Mixcloud's answers are read without trapping: a broken or hostile answer
/// (`"audio_length": 1e300`) loses the number, never castform.
@Suite struct MixcloudRemoteNumberTests {
    @Test func numbersNoIntHoldsAreLeftOutNotConverted() throws {
        let json = try #require(JSONValue(parsing: Array("""
            {"key": "/deepsessions/show/", "name": "Show", "audio_length": 1e300, "play_count": 12,
             "sections": [{"start_time": -1e19, "section_type": "chapter", "chapter": "Intro"},
                          {"start_time": 174, "section_type": "chapter", "chapter": "Two"}]}
            """.utf8)))
        let attributes = MixcloudRemote.attributes(json, full: true)
        #expect(attributes["audio_length"] == nil)
        #expect(attributes["play_count"] == .int(12))
        #expect(attributes["tracks"] == .list([.object(["chapter": .string("Intro")]),
                                               .object(["chapter": .string("Two"), "start": .int(174)])]))
    }
}
