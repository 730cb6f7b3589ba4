import Foundation
import CastformCore
import CastformState
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

    @Test func aClearSecretIsNeverEncoded() throws {
        let data = try JSONEncoder().encode(Value.sensitive(.string("hunter2")))
        #expect(String(decoding: data, as: UTF8.self) == #"{"sensitive":null}"#)
    }
}
