@testable import CastformManifest
import Testing

/// A manifest's bytes are checked for UTF-8 eight at a time while they are ASCII: the first bad
/// byte is found wherever it falls in a group, after characters of every length.
@Suite struct SourceChecksTests {
    @Test func theFirstBadByteIsFoundWhereverItFalls() {
        for prefixLength in 0..<20 {
            for prefix in [String(repeating: "a", count: prefixLength), String(repeating: "é", count: prefixLength), "🎵" + String(repeating: "x", count: prefixLength)] {
                let bytes = Array("title: ok\n".utf8) + Array(prefix.utf8) + [0xE9] + Array("tail text beyond".utf8)
                let found = SourceChecks.firstInvalidUTF8(bytes)
                #expect(found?.line == 2 && found?.column == prefix.count + 1 && found?.byte == 0xE9, "\(prefix)")
            }
        }
    }

    @Test func agreesWithTheStandardLibrarysValidation() {
        var generator = SystemRandomNumberGenerator()
        // Mostly ASCII with now and then a lead, continuation or never-valid byte: every kind
        // of sequence, cut short or whole, at every offset within a group of eight.
        let rare: [UInt8] = [0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xEF, 0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xFF]
        for _ in 0..<3000 {
            let count = Int.random(in: 0..<40, using: &generator)
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<6, using: &generator) == 0 ? rare.randomElement(using: &generator)! : UInt8.random(in: 0x20..<0x7F, using: &generator)
            }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((SourceChecks.firstInvalidUTF8(bytes) == nil) == valid, "\(bytes)")
        }
        #expect(SourceChecks.firstInvalidUTF8(Array("mixcloud_cloudcast: {} # 🎵 é ü\n".utf8)) == nil)
        #expect(SourceChecks.firstInvalidUTF8([]) == nil)
    }
}
