import CastformJSON
import Foundation
import Testing

@Suite struct JSONParserTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONParser.parse(Array(#" {"a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}, "e": ""} "#.utf8))
        #expect(value == .object([
            "a": .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]),
            "b": .object(["c": .string("d")]), "e": .string(""),
        ]))
    }

    @Test func onlyTheSelectedMembersAreBuiltAndTheRestIsStillChecked() throws {
        let text = #"{"data": [{"key": "/a/", "tags": [{"name": "x", "url": "u"}, "odd"], "pictures": {"large": "x\u00e9\n", "l": [1, -2.5e3, true, null, {}]}}, 7], "paging": {"next": "n", "previous": null}, "extra": [1]}"#
        let selection = JSONSelection.members([
            "data": JSONSelection.members(["key"]).adding("tags", .members(["name"])),
            "paging": .all,
        ])
        let value = try JSONParser.parse(Array(text.utf8), keeping: selection)
        #expect(value == .object([
            // Of an array, each element is selected; a value that is not an object stays as it is.
            "data": .array([.object(["key": .string("/a/"), "tags": .array([.object(["name": .string("x")]), .string("odd")])]), .number(7)]),
            "paging": .object(["next": .string("n"), "previous": .null]),
        ]))
        #expect(try JSONParser.parse(Array(text.utf8), keeping: .all) == JSONParser.parse(Array(text.utf8)))
        // What is left out must still be JSON, and nested no deeper than the limit.
        for broken in [#"{"pictures": {"a": tru}}"#, #"{"pictures": ["x\q"]}"#, #"{"pictures": {"a" 1}}"#, #"{"pictures": [1,]}"#,
                       #"{"pictures": "open}"#, "{\"pictures\": [" + String(repeating: "[", count: 600) + "}"] {
            #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(broken.utf8), keeping: .members(["key"])) }
        }
    }

    /// Strings are scanned eight bytes at a time: a quote, an escape or a control character
    /// is found wherever it falls in a word, in a string that is built and in one skipped.
    @Test func escapesAndControlCharactersAreFoundAtEveryOffset() throws {
        for length in 0..<24 {
            for offset in 0...length {
                let before = String(repeating: "a", count: offset), after = String(repeating: "é", count: length - offset)
                for (escape, meaning) in [("", ""), (#"\""#, "\""), (#"\\"#, "\\"), (#"\n"#, "\n"), (#"\u00e9"#, "é")] {
                    let text = "{\"keep\": \"\(before)\(escape)\(after)\", \"skip\": \"\(before)\(escape)\(after)\"}"
                    #expect(try JSONParser.parse(Array(text.utf8), keeping: .members(["keep"])) == .object(["keep": .string(before + meaning + after)]))
                }
                for control: UInt8 in [0x00, 0x0A, 0x1F] {
                    for member in ["keep", "skip"] {
                        let text = Array("{\"\(member)\": \"\(before)".utf8) + [control] + Array("\(after)\"}".utf8)
                        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(text, keeping: .members(["keep"])) }
                    }
                }
                let unterminated = Array("{\"skip\": \"\(before)\(after)".utf8)
                #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(unterminated, keeping: .members(["keep"])) }
            }
        }
    }

    @Test func aNameGivenTwiceKeepsItsLastValue() throws {
        let value = try JSONParser.parse(Array(#"{"a": 1, "b": {}, "a": [2], "c": {"d": 3, "d": 4}}"#.utf8))
        #expect(value == .object(["a": .array([.number(2)]), "b": .object([:]), "c": .object(["d": .number(4)])]))
    }

    @Test func readsEscapesAndSurrogatePairs() throws {
        let value = try JSONParser.parse(Array(#"["a\"b\\c\/d\n\t\u00e9\ud83c\udfb5", "é🎵 raw"]"#.utf8))
        #expect(value == .array([.string("a\"b\\c/d\n\té🎵"), .string("é🎵 raw")]))
    }

    @Test func agreesWithFoundationOnNumbers() throws {
        for text in ["0", "-0", "12", "123456789012345", "1234567890123456789", "0.1", "1e-7", "-1.5E+10", "9007199254740993", "3.141592653589793"] {
            let ours = try JSONParser.parse(Array(text.utf8))
            let theirs = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as! NSNumber
            #expect(ours == .number(theirs.doubleValue), "\(text)")
        }
    }

    @Test(arguments: [
        ("", "unexpected end of text", 0), ("{\"a\" 1}", "expected ':'", 5), ("[1,]", "unexpected character", 3),
        ("\"abc", "unterminated string", 4), ("01", "invalid number (leading zero)", 2), ("[1] x", "unexpected text after the value", 4),
        ("tru", "unexpected end of text", 0), ("\"a\u{01}\"", "control character in a string", 2), ("1.", "invalid number", 2),
    ])
    func refusesWhatIsNotJSON(text: String, reason: String, offset: Int) {
        #expect(throws: JSONParser.Failure(offset: offset, reason: reason)) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(deep.utf8)) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONParser.parse(Array(fine.utf8))) != nil)
    }

    @Test func parsesWhatFoundationWritesBackToTheSameValue() throws {
        let document: [String: Any] = ["title": "Deep Sessions #1 — “live”", "tags": ["deep house", "vinyl"], "count": 42,
                                       "ratio": 0.25, "nested": ["empty": [String: Int](), "list": [Int]()], "none": NSNull()]
        let data = try JSONSerialization.data(withJSONObject: document)
        let value = try JSONParser.parse(Array(data))
        #expect(value["title"]?.string == "Deep Sessions #1 — “live”")
        #expect(value["tags"] == .array([.string("deep house"), .string("vinyl")]))
        #expect(value["count"] == .number(42))
        #expect(value["nested"]?["empty"] == .object([:]))
        #expect(value["none"] == .null)
    }
}

/// `parse(_:streaming:to:)`: a top-level object's one big list handed over element by element.
@Suite struct JSONParserStreamingTests {
    static func parse(_ text: String, _ member: String = "items", accepting: Int = .max) throws -> (value: JSONValue, streamed: Bool, seen: [JSONValue]) {
        var seen: [JSONValue] = []
        let bytes = Array(text.utf8)
        let result = try bytes.withUnsafeBufferPointer { buffer in
            try JSONParser.parse(buffer, streaming: member) { element in
                guard seen.count < accepting else { return false }
                seen.append(element)
                return true
            }
        }
        return (result.value, result.streamed, seen)
    }

    @Test func elementsAreHandedOverInOrderAndNotKept() throws {
        let (value, streamed, seen) = try Self.parse(#"{"a": 1, "items": [{"n": 1}, [2], "three"], "z": {"items": [9]}}"#)
        #expect(streamed)
        #expect(seen == [.object(["n": .number(1)]), .array([.number(2)]), .string("three")])
        #expect(value["items"] == .array([]))
        // Only the top level's member: a nested one of the same name is kept as it is.
        #expect(value["z"]?["items"] == .array([.number(9)]))
        #expect(value["a"] == .number(1))
    }

    @Test func aRefusedElementStopsTheHandingButTheRestIsStillChecked() throws {
        let (_, streamed, seen) = try Self.parse(#"{"items": [1, 2, 3, 4]}"#, accepting: 2)
        #expect(!streamed)
        #expect(seen == [.number(1), .number(2)])
        #expect(throws: JSONParser.Failure.self) { try Self.parse(#"{"items": [1, 2, 3, }"#, accepting: 1) }
    }

    @Test func aMemberThatIsNotAnArrayOrIsMissingIsNotStreamed() throws {
        let notArray = try Self.parse(#"{"items": {"a": 1}}"#)
        #expect(!notArray.streamed && notArray.value["items"] == .object(["a": .number(1)]))
        let missing = try Self.parse(#"{"other": []}"#)
        #expect(!missing.streamed && missing.seen.isEmpty)
        let empty = try Self.parse(#"{"items": []}"#)
        #expect(empty.streamed && empty.seen.isEmpty)
    }
}
