import CastformJSON
import Foundation
import Testing

@Suite struct JSONValueDecoderTests {
    struct Show: Codable, Equatable {
        enum Kind: String, Codable { case live, recorded }
        var title: String
        var plays: Int
        var rating: Double?
        var published: Date
        var kind: Kind
        var tags: [String]
        var extra: [String: Int]
        var loose: JSONValue?
    }

    static let show = Show(title: "Deep Sessions", plays: 12, rating: nil, published: Date(timeIntervalSince1970: 1_796_000_000),
                           kind: .live, tags: ["deep", "house"], extra: ["a": 1], loose: .array([.number(1), .string("x")]))

    @Test func decodesWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode([Self.show, Self.show])
        #expect(try JSONValueDecoder().decode([Show].self, from: data) == [Self.show, Self.show])
    }

    @Test func namesTheMissingMemberWithItsPath() throws {
        let data = Data(#"[{"title": "x", "plays": 1, "published": "2026-12-04T00:00:00Z", "kind": "live", "tags": [], "extra": {}}, {"title": "y"}]"#.utf8)
        do {
            _ = try JSONValueDecoder().decode([Show].self, from: data)
            Issue.record("decoded a show without plays")
        } catch DecodingError.keyNotFound(let key, let context) {
            #expect(key.stringValue == "plays")
            #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["1"])
        }
    }

    @Test func refusesAWrongTypeAndAFractionWhereAnIntegerBelongs() {
        let wrongType = Data(#"{"title": 3}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode([String: String].self, from: wrongType) }
        let fraction = Data(#"{"a": 1.5}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode([String: Int].self, from: fraction) }
        #expect((try? JSONValueDecoder().decode([String: Int].self, from: Data(#"{"a": 2}"#.utf8))) == ["a": 2])
    }

    @Test func textThatIsNotJSONIsDataCorrupted() {
        do {
            _ = try JSONValueDecoder().decode([String: Int].self, from: Data("{oops".utf8))
            Issue.record("decoded text that is not JSON")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.isEmpty)
            #expect(context.debugDescription.contains("byte 1"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
