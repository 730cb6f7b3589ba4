@testable import CastformEmulator
import Foundation
import Testing

/// The streaming multipart parser, fed in every possible chunking: a boundary split across
/// chunks must never leak into content, and content that merely resembles one must survive.
@Suite struct MultipartParserTests {
    /// Parts as (headers, content), reassembled from events.
    func parse(_ body: [UInt8], boundary: String, chunkSize: Int) throws -> [(MultipartPartHeaders, [UInt8])] {
        var parser = MultipartParser(boundary: boundary)
        var parts: [(MultipartPartHeaders, [UInt8])] = []
        var index = 0
        while index < body.count {
            let end = min(index + chunkSize, body.count)
            for event in try parser.feed(body[index..<end]) {
                switch event {
                case .begin(let headers): parts.append((headers, []))
                case .data(let bytes): parts[parts.count - 1].1 += bytes
                case .end: break
                }
            }
            index = end
        }
        try parser.finish()
        return parts
    }

    /// Content with near-boundaries; a real delimiter (CRLF "--XYZ") cannot occur in a part.
    let tricky: [UInt8] = Array("line--XYZ not after CRLF\r\n--XY\r\n-\r\r\n-".utf8) + [0, 13, 10, 255]

    var body: [UInt8] {
        Array("preamble to ignore\r\n--XYZ\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nDeep Sessions #42\r\n--XYZ\r\nContent-Disposition: form-data; name=\"mp3\"; filename=\"show.mp3\"\r\nContent-Type: audio/mpeg\r\n\r\n".utf8)
            + tricky + Array("\r\n--XYZ\r\n\r\nno headers\r\n--XYZ--\r\nepilogue".utf8)
    }

    @Test func readsEveryPartInEveryChunking() throws {
        for chunkSize in 1...body.count {
            let parts = try parse(body, boundary: "XYZ", chunkSize: chunkSize)
            #expect(parts.count == 3, "chunk size \(chunkSize)")
            #expect(parts[0].0 == MultipartPartHeaders(name: "name"))
            #expect(String(decoding: parts[0].1, as: UTF8.self) == "Deep Sessions #42")
            #expect(parts[1].0 == MultipartPartHeaders(name: "mp3", filename: "show.mp3", contentType: "audio/mpeg"))
            #expect(parts[1].1 == tricky, "chunk size \(chunkSize)")
            #expect(parts[2].0 == MultipartPartHeaders(name: nil))
            #expect(String(decoding: parts[2].1, as: UTF8.self) == "no headers")
        }
    }

    @Test func bodyWithoutClosingBoundaryIsTruncated() {
        let cut = Array(body.prefix(body.count - 20))
        #expect(throws: MultipartParser.ParseError.truncated) { try parse(cut, boundary: "XYZ", chunkSize: 7) }
    }

    @Test func garbageAfterBoundaryIsMalformed() {
        let bad = Array("--XYZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XYZjunk".utf8)
        #expect(throws: MultipartParser.ParseError.malformedBoundary) { try parse(bad, boundary: "XYZ", chunkSize: 100) }
    }

    @Test func contentDispositionParametersAreUnquotedAndDecoded() throws {
        let headers = try #require(MultipartPartHeaders(block: Array("content-disposition: form-data; name=\"pic\\\"ture\"; filename*=UTF-8''caf%C3%A9.jpg\r\nContent-Type: image/jpeg".utf8)))
        #expect(headers == MultipartPartHeaders(name: "pic\"ture", filename: "café.jpg", contentType: "image/jpeg"))
        #expect(MultipartFormReader.boundary(contentType: "multipart/form-data; boundary=\"a b\"") == "a b")
        #expect(MultipartFormReader.boundary(contentType: "application/json") == nil)
    }

    @Test func urlEncodedFormsDecodePlusAndPercent() {
        let pairs = FormURLEncoded.parse("redirect_uri=http%3A%2F%2Flocalhost%2Fcb&state=a+b%26c&empty=&flag")
        #expect(pairs.map(\.name) == ["redirect_uri", "state", "empty", "flag"])
        #expect(pairs.map(\.value) == ["http://localhost/cb", "a b&c", "", ""])
        #expect(FormURLEncoded.parse(FormURLEncoded.encode([("k y", "v&=+/")])).first?.value == "v&=+/")
    }
}
