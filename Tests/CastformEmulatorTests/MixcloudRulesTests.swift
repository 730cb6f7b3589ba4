@testable import CastformEmulator
import Foundation
import Testing

/// Mixcloud's small rules, without a server: slugs, limits, value formats, MP3 length.
@Suite struct MixcloudRulesTests {
    @Test(arguments: [
        ("Party Time", "party-time"),
        ("Happy (feat.Charlise)", "happy-featcharlise"),        // 2013 sample
        ("Samurai (12\" Mix)", "samurai-12-mix"),               // 2013 sample
        ("Three6sashia @ The Lot Radio 06-09-2021 .", "three6sashia-the-lot-radio-06-09-2021"), // 2021 sample
        ("Second Mix!", "second-mix"),
        ("  Café -- Crème  ", "cafe-creme"),
        ("_a_ b_", "a_-b"),
        ("東京", "untitled"),
    ])
    func slugsFollowDjango(name: String, slug: String) {
        #expect(Slug.make(from: name) == slug)
    }

    @Test func documentedLimits() {
        let limits = MixcloudLimits.documented
        #expect(limits.audioBytes == 4_294_967_296)
        #expect(limits.pictureBytes == 10_485_760)
        #expect(limits.descriptionCharacters == 1000)
        #expect(limits.tags == 5 && limits.hosts == 2)
    }

    @Test func booleansAndDates() {
        for yes in ["1", "true", "True", "on"] { #expect(FormValues.boolean(yes) == true) }
        for no in ["0", "false", "False", "off", ""] { #expect(FormValues.boolean(no) == false) }
        #expect(FormValues.boolean("maybe") == nil)
        #expect(FormValues.publishDate("2026-11-20T18:00:00Z") == Date(timeIntervalSince1970: 1_795_197_600))
        #expect(FormValues.publishDate("2026-11-20 18:00:00") == nil)
        #expect(FormValues.publishDate("2026-11-20T18:00:00+01:00") == nil)
    }

    @Test func pagingTimesAreUTCWithASpace() {
        #expect(MixcloudPaging.formatTime(1_623_256_532) == "2021-06-09 16:35:32")
        #expect(MixcloudPaging.parseTime("2021-06-09 16:35:32") == 1_623_256_532)
        #expect(MixcloudPaging.parseTime("1623256532") == 1_623_256_532)
        #expect(MixcloudPaging.parseTime("yesterday") == nil)
    }

    @Test func mp3LengthFromTheFirstFrame() {
        let cbr = [UInt8](MixcloudTestData.mp3(seconds: 3))
        #expect(MP3Duration.seconds(head: cbr, byteCount: Int64(cbr.count)) == 3)
        // An ID3v2 tag of 20 bytes before the frame is skipped.
        let tagged: [UInt8] = [0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 20] + [UInt8](repeating: 0, count: 20) + cbr
        #expect(MP3Duration.seconds(head: tagged, byteCount: Int64(tagged.count)) == 3)
        #expect(MP3Duration.seconds(head: Array("not audio".utf8), byteCount: 9) == 0)
    }
}
