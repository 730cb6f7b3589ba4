import CastformCore
import Testing

/// Addresses as users type them and as Terraform prints them, instance keys included.
@Suite struct ResourceAddressTests {
    @Test func anInstanceKeyIsPrintedQuotedAndParsedBack() {
        let address = ResourceAddress(type: "livepeer_stream", name: "stage", key: "north")
        #expect(address.description == #"livepeer_stream.stage["north"]"#)
        #expect(ResourceAddress(parsing: #"livepeer_stream.stage["north"]"#) == address)
        #expect(address.declaration == ResourceAddress(type: "livepeer_stream", name: "stage"))
    }

    @Test func quotesAndBackslashesInKeysAreEscaped() {
        let address = ResourceAddress(.data, type: "t", name: "n", key: #"say "hi" \o/"#)
        #expect(address.description == #"data.t.n["say \"hi\" \\o/"]"#)
        #expect(ResourceAddress(parsing: address.description) == address)
    }

    @Test func aPrefixLeavesWhatFollows() {
        let parsed = ResourceAddress.parsePrefix(#"data.t.n["a.b"].items[0]"#)
        #expect(parsed?.0 == ResourceAddress(.data, type: "t", name: "n", key: "a.b"))
        #expect(parsed.map { String($0.rest) } == ".items[0]")
    }

    @Test func plainAndDataAddressesParse() {
        #expect(ResourceAddress(parsing: "mixcloud_cloudcast.show-9") == ResourceAddress(type: "mixcloud_cloudcast", name: "show-9"))
        #expect(ResourceAddress(parsing: "_t._n") == ResourceAddress(type: "_t", name: "_n"))
        #expect(ResourceAddress(parsing: "data.t.n") == ResourceAddress(.data, type: "t", name: "n"))
        #expect(ResourceAddress(parsing: "data.n") == ResourceAddress(type: "data", name: "n"))
    }

    @Test func malformedAddressesAreRefused() {
        for text in ["t", "t.", #"t.n["k""#, #"t.n[k]"#, #"t.n["k"]x"#, "t.n.x", ".n", "1t.n", "t.-n", "t.n é", "tö.n", "t..n"] {
            #expect(ResourceAddress(parsing: text) == nil, "\(text)")
        }
    }
}
