import CastformHTTP
import Foundation
import Testing

@Suite struct RetryAfterTests {
    static let now = Date(timeIntervalSince1970: 1_784_000_000)  // Tue, 14 Jul 2026 03:33:20 GMT

    @Test func delaySeconds() {
        #expect(RetryAfter.parse("120", now: Self.now) == .seconds(120))
        #expect(RetryAfter.parse(" 0 ", now: Self.now) == .zero)
        #expect(RetryAfter.parse("-5", now: Self.now) == nil)
        #expect(RetryAfter.parse("soon", now: Self.now) == nil)
    }

    @Test func httpDatesInAllThreeForms() {
        #expect(RetryAfter.parse("Tue, 14 Jul 2026 03:35:20 GMT", now: Self.now) == .seconds(120))
        #expect(RetryAfter.parse("Tuesday, 14-Jul-26 03:35:20 GMT", now: Self.now) == .seconds(120))
        #expect(RetryAfter.parse("Tue Jul 14 03:35:20 2026", now: Self.now) == .seconds(120))
    }

    @Test func aDateInThePastMeansNoWait() {
        #expect(RetryAfter.parse("Tue, 14 Jul 2026 03:00:00 GMT", now: Self.now) == .zero)
    }
}
