import Foundation
import CastformCore
@testable import CastformState
import Testing

@Suite struct SecretHasherTests {
    @Test func secretsBecomeKeyedHashesAndNothingElseChanges() {
        let hasher = SecretHasher(lineage: "lineage-1")
        let redacted = hasher.redact(.object(["url": .sensitive(.string("rtmp://x/key")), "name": .string("YouTube")]))
        guard case .sensitive(.string(let hash))? = redacted["url"] else {
            Issue.record("url was not hashed: \(redacted)")
            return
        }
        #expect(hash.hasPrefix(Value.hashPrefix))
        #expect(!hash.contains("key"))
        #expect(redacted["name"] == .string("YouTube"))
        // Idempotent: hashing a hash leaves it alone.
        #expect(hasher.redact(redacted) == redacted)
    }

    @Test func theKeyDependsOnTheLineage() {
        let value = Value.string("same secret")
        #expect(SecretHasher(lineage: "a").hash(value) != SecretHasher(lineage: "b").hash(value))
        #expect(SecretHasher(lineage: "a").hash(value) == SecretHasher(lineage: "a").hash(value))
    }

    /// Hashes are kept in state files: the same value must hash the same in every version.
    @Test func theHashIsHMACSHA256OfTheCanonicalJSONInLowercaseHex() {
        #expect(SecretHasher(lineage: "lineage-1").hash(.string("same secret"))
            == Value.hashPrefix + "657494588b3c0f6420f70c388f2905f458f81ac21c3769b8acd3a7846c345607")
    }

    /// Hashes in state files were made of `JSONEncoder`'s bytes: the direct writing of a plain
    /// string must give the same bytes, character by character.
    @Test func stringsAreWrittenAsTheEncoderWritesThem() throws {
        let printable = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }
        for text in printable + ["", "rtmp://rtmp.livepeer.com/live/abcd-1234", #"a"b\c/d"#, "  spaced  ", "key?x=1&y=2#z"] {
            #expect(SecretHasher.canonicalJSON(.string(text)) == Array(try JSONEncoder().encode(Value.string(text))), "\(text)")
        }
        // Anything else goes through the encoder itself.
        for value: Value in [.string("é🎵"), .string("tab\there"), .string("line\n"), .int(42), .object(["b": .int(1), "a": .string("x")])] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            #expect(SecretHasher.canonicalJSON(value) == Array(try encoder.encode(value)))
        }
    }

    @Test func aClearSecretIsNeverEncoded() throws {
        let data = try JSONEncoder().encode(Value.sensitive(.string("hunter2")))
        #expect(String(decoding: data, as: UTF8.self) == #"{"sensitive":null}"#)
    }
}
