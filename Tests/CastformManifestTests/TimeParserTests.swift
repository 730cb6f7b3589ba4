import CastformManifest
import Testing

@Suite struct TimeParserTests {
    @Test(arguments: [("2:54", 174), ("0:30", 30), ("09:00", 540), ("1:02:03", 3723), ("174", 174), ("0", 0), ("90:00", 5400), (" 2:54 ", 174), ("\u{00A0}2:54\t", 174),
                       ("999999999", 999_999_999), ("123456:00", 7_407_360), ("0:00:59", 59)])
    func readsTheDocumentedForms(_ text: String, _ seconds: Int) {
        #expect(TimeParser.seconds(from: text) == .success(seconds))
    }

    @Test(arguments: [
        ("2:60", TimeParser.Failure.secondsOutOfRange), ("-1", .negative), ("1:2:3:4", .malformed),
        ("abc", .malformed), ("2:5", .malformed), ("1:60:00", .minutesOutOfRange), ("", .malformed), ("1.5", .malformed),
        // Too many digits to be a time anyone means; never a trap.
        ("99999999999999999999:00", .malformed), ("9999999999", .malformed), ("1:", .malformed), (":30", .malformed),
        ("1234567:00", .malformed), ("0:0:00", .malformed), ("1:00:", .malformed), ("::", .malformed),
        // Digits of other scripts, and a digit with a combining mark, are not times.
        ("١:٠٠", .malformed), ("2:5\u{0301}4", .malformed),
    ])
    func rejectsEverythingElse(_ text: String, _ failure: TimeParser.Failure) {
        #expect(TimeParser.seconds(from: text) == .failure(failure))
    }

    @Test func formatsTheWayPeopleReadTimes() {
        #expect(TimeParser.format(174) == "2:54")
        #expect(TimeParser.format(3730) == "1:02:10")
        #expect(TimeParser.format(5) == "0:05")
    }
}
