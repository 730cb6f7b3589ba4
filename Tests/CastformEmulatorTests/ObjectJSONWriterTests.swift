@testable import CastformEmulator
import Foundation
import Testing

/// The emulators' JSON writer reads back as JSONSerialization reads its own output, with keys
/// in order and slashes escaped only when asked.
@Suite struct ObjectJSONWriterTests {
    @Test func writesWhatJSONSerializationReadsBackTheSame() throws {
        let object: [String: Any] = [
            "name": "Deep \"Sessions\" \\ #1\n\t— “live” 🎵", "count": 42, "ratio": 0.25, "whole": 3600.0, "flag": true,
            "none": NSNull(), "url": "https://www.mixcloud.com/deepsessions/", "control": "a\u{01}b",
            "list": [1, "two", ["three": 3], [] as [Any]], "empty": [String: Any](),
        ]
        let data = ObjectJSONWriter.data(object)
        let back = try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
        #expect(back == object as NSDictionary)
    }

    /// JSONSerialization's numbers are NSNumbers, which cast to Bool too: 1 stays 1.
    @Test func writesParsedNumbersAsTheyWere() throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(#"[1, true, 2.5, 0, false]"#.utf8))
        #expect(String(decoding: ObjectJSONWriter.data(parsed), as: UTF8.self) == "[1,true,2.5,0,false]")
        #expect(String(decoding: ObjectJSONWriter.data([true, 1, 2.5] as [Any]), as: UTF8.self) == "[true,1,2.5]")
    }

    @Test func sortsKeysAndEscapesSlashesOnlyWhenAsked() {
        let object: [String: Any] = ["b": "x/y", "a": 1, "c": ["z": 1, "y": 2]]
        #expect(String(decoding: ObjectJSONWriter.data(object), as: UTF8.self) == #"{"a":1,"b":"x\/y","c":{"y":2,"z":1}}"#)
        #expect(String(decoding: ObjectJSONWriter.data(object, escapingSlashes: false), as: UTF8.self) == #"{"a":1,"b":"x/y","c":{"y":2,"z":1}}"#)
    }
}
