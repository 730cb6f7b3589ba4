@testable import CastformEmulator
import Foundation
import Testing

/// The order-keeping JSON the Livepeer emulator reads and writes, and its Ajv-like validator.
@Suite struct LivepeerJSONTests {
    @Test func parsingKeepsMemberOrderAndWritingMatchesJSONStringify() throws {
        let text = #"{"b":1,"a":[true,null,"x\n\u00e9"],"n":-2.5e3,"i":600.0,"f":0.1}"#
        let value = try LivepeerJSONParser.parse(Data(text.utf8))
        #expect(value.members?.map(\.key) == ["b", "a", "n", "i", "f"])
        #expect(LivepeerJSONWriter.string(value) == #"{"b":1,"a":[true,null,"x\né"],"n":-2500,"i":600,"f":0.1}"#)
        #expect(LivepeerJSONWriter.format(1e-7) == "1e-7")
    }

    @Test func syntaxErrorsUseNodesWords() {
        #expect(throws: LivepeerJSONParser.SyntaxError(message: "Unexpected end of JSON input")) {
            try LivepeerJSONParser.parse(Data(#"{"a":"#.utf8))
        }
        #expect(throws: LivepeerJSONParser.SyntaxError(message: #"Unexpected token 'x', "[1,x]" is not valid JSON"#)) {
            try LivepeerJSONParser.parse(Data("[1,x]".utf8))
        }
    }

    @Test func validationStopsAtTheFirstFailingKeywordInAjvsOrder() {
        // `required` comes before `additionalProperties`, which comes before `properties`.
        let errors = LivepeerSchemaValidator.errors(in: .object([.init("url", 5), .init("extra", true)]),
                                                     against: LivepeerSchemas.webhook)
        #expect(errors.map(\.keyword) == ["required"])
        #expect(errors.first?.params == .fields(["missingProperty": "name"]))
        // `pattern` comes before `format`, whatever the order in the schema.
        let url = LivepeerSchemaValidator.errors(in: "not a url", against: LivepeerSchemas.multistreamURL)
        #expect(url.map(\.keyword) == ["pattern"])
        #expect(LivepeerSchemaValidator.errors(in: .null, against: LivepeerSchemas.playbackPolicy).isEmpty)
    }
}
