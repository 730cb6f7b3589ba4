import CastformCore
import Testing

/// The vocabulary every module shares: values with their secrets and unknowns, addresses,
/// suggestions.
@Suite struct ValueTests {
    @Test func aSecretMarkSpreadsToWhatContainsIt() {
        let value = Value.object(["name": .string("a"), "key": .sensitive(.string("s3cret"))])
        #expect(value.containsSensitive)
        #expect(value.unmarked == .object(["name": .string("a"), "key": .string("s3cret")]))
        #expect(!Value.list([.string("a")]).containsSensitive)
    }

    @Test func unknownPartsAreFoundAtAnyDepth() {
        #expect(Value.list([.object(["id": .unknown])]).containsUnknown)
        #expect(!Value.list([.object(["id": .string("x")])]).containsUnknown)
    }

    @Test func addressesParseAndPrintAsWritten() throws {
        let managed = try #require(ResourceAddress(parsing: "example_show.deep-sessions-42"))
        #expect(managed.mode == .managed && managed.type == "example_show" && managed.name == "deep-sessions-42")
        #expect(managed.description == "example_show.deep-sessions-42")
        let data = try #require(ResourceAddress(parsing: "data.example_channel.main"))
        #expect(data.mode == .data && data.description == "data.example_channel.main")
        #expect(ResourceAddress(parsing: "no-dot") == nil)
    }

    @Test func suggestionsOfferTheClosestName() {
        #expect(Suggestion.didYouMean("titel", in: ["title", "tags", "tracks"]) == "; did you mean \"title\"?")
        #expect(Suggestion.didYouMean("zzzzzz", in: ["title", "tags"]) == "")
    }
}
