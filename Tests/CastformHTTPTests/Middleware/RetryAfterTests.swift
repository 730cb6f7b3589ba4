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

    @Test func aRetryAfterInTheBodyTooLargeForAnyClockIsTheLongestWaitNotATrap() {
        let request = RequestLine(service: "test", method: .get, url: "http://127.0.0.1/")
        for huge in ["1e300", String(repeating: "9", count: 40), "9223372036854775807"] {
            let response = HTTPResponse(status: 403, body: Array(#"{"error": {"retry_after": \#(huge)}}"#.utf8), request: request)
            #expect(RetryAfter.delay(in: response, now: Self.now, signal: TestFormats.forbiddenRateLimit) == .seconds(Int64.max))
        }
        let small = HTTPResponse(status: 403, body: Array(#"{"error": {"retry_after": 1.5}}"#.utf8), request: request)
        #expect(RetryAfter.delay(in: small, now: Self.now, signal: TestFormats.forbiddenRateLimit) == .milliseconds(1500))
    }

    @Test func aDateInThePastMeansNoWait() {
        #expect(RetryAfter.parse("Tue, 14 Jul 2026 03:00:00 GMT", now: Self.now) == .zero)
    }
}
