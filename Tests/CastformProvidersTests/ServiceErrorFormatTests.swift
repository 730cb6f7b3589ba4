import CastformHTTP
@testable import CastformProviders
import Foundation
import Testing

/// Each service's error answers, as its provider reads them, and its rate-limit signal.
@Suite struct ServiceErrorFormatTests {
    static let request = RequestLine(service: "test", method: .get, url: "http://127.0.0.1/")

    static func parse(_ parser: ErrorBodyParser, _ status: Int, _ body: String) -> String? {
        parser(status, HeaderFields([]), Array(body.utf8))
    }

    @Test func livepeerErrorsArrayIsTheMessage() {
        #expect(Self.parse(LivepeerErrors.parse, 404, #"{"errors":["not found"]}"#) == "not found")
    }

    @Test func livepeerSchemaErrorsNameTheField() {
        let body = ##"{"errors":["{\"instancePath\":\"/url\",\"schemaPath\":\"#/properties/url/format\",\"keyword\":\"format\",\"params\":{\"format\":\"uri\"},\"message\":\"must match format \\\"uri\\\"\"}"]}"##
        #expect(Self.parse(LivepeerErrors.parse, 422, body) == #"/url: must match format "uri""#)
    }

    @Test func aProxysHTMLPageIsReducedToItsTitleForEitherService() {
        let page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
        #expect(Self.parse(LivepeerErrors.parse, 502, page) == "502 Bad Gateway")
        #expect(Self.parse(MixcloudErrors.parse, 502, page) == "502 Bad Gateway")
    }

    @Test func mixcloudEnvelopeWithDetailsAppended() {
        let body = #"{"error": {"type": "ValidationException", "message": "Invalid upload"}, "details": {"name": ["This field is required."], "tags": ["At most 5 tags."]}}"#
        #expect(Self.parse(MixcloudErrors.parse, 400, body) == "Invalid upload (name: This field is required.; tags: At most 5 tags.)")
        #expect(Self.parse(MixcloudErrors.parse, 400, #"{"error": {"type": "OAuthException", "message": "An invalid access token was provided"}}"#)
                == "An invalid access token was provided")
    }

    /// FACTS.md §6: the rate limit is a 403 with `RateLimitException`, the wait in the header
    /// or the body; a plain 403 is not one.
    @Test func mixcloudsRateLimitIsA403WithItsType() {
        let limited = HTTPResponse(status: 403, body: Array(#"{"error": {"message": "Slow down", "type": "RateLimitException", "retry_after": 12}}"#.utf8),
                                   request: Self.request)
        #expect(MixcloudErrors.rateLimit.matches(limited))
        #expect(MixcloudErrors.rateLimit.requestedWait(limited) == .seconds(12))
        let forbidden = HTTPResponse(status: 403, body: Array(#"{"error": {"type": "PermissionException", "message": "Forbidden"}}"#.utf8),
                                     request: Self.request)
        #expect(!MixcloudErrors.rateLimit.matches(forbidden))
        #expect(MixcloudErrors.rateLimit.matches(HTTPResponse(status: 429, body: [], request: Self.request)))
    }
}
