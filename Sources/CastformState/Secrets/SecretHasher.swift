import CastformCore
import Crypto
import Foundation

/// Replaces secrets with keyed hashes, so state can tell that a secret changed without ever
/// holding it.
///
/// The key is derived from the state's lineage: the same stream key in two workspaces hashes
/// differently, and a hash copied from one state file says nothing about another's.
public struct SecretHasher: Sendable {
    private let keyBytes: [UInt8]

    public init(lineage: String) {
        keyBytes = Array(SHA256.hash(data: Data("castform-state-secret:\(lineage)".utf8)))
    }

    /// `hmac-sha256:<hex>` of the value's canonical JSON.
    public func hash(_ value: Value) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Self.canonicalJSON(value.unmarked), using: SymmetricKey(data: keyBytes))
        // Every read object's secrets are hashed: formatting the 32 bytes must be cheap.
        return Value.hashPrefix + Array(mac).lowercaseHex
    }

    /// The canonical JSON the hash is of. A string of printable ASCII (a stream key, an ingest
    /// URL) is written here, escaped as the encoder escapes it (`"`, `\\` and `/`): encoding
    /// one string through `JSONEncoder` cost more than its hash. `SecretHasherTests` holds the
    /// two to the same bytes.
    static func canonicalJSON(_ value: Value) -> [UInt8] {
        guard case .string(let text) = value, text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) }) else {
            return Array((try? canonical.encode(value)) ?? Data())
        }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return bytes
    }

    /// Canonical JSON: keys sorted. Shared, as its settings never change.
    private static let canonical: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// The value with each sensitive part replaced by `.sensitive(.string(hash))`; parts
    /// already hashed are left alone, unknowns stay unknown.
    public func redact(_ value: Value) -> Value {
        switch value {
        case .sensitive(.string(let text)) where text.hasPrefix(Value.hashPrefix):
            return value
        case .sensitive(let inner):
            return inner.containsUnknown ? .sensitive(.unknown) : .sensitive(.string(hash(inner)))
        case .list(let items):
            return .list(items.map(redact))
        case .object(let fields):
            return .object(fields.mapValues(redact))
        default:
            return value
        }
    }

    /// The attributes with each secret hashed. When there is nothing to hash (most objects,
    /// and every object read back from state) they are returned as they are, sharing their
    /// storage: a plan of 10,000 unchanged objects would otherwise hold a copy of each.
    public func redact(_ attributes: [String: Value]) -> [String: Value] {
        guard attributes.values.contains(where: Self.needsRedacting) else { return attributes }
        return attributes.mapValues(redact)
    }

    /// Whether `redact` would change the value: a sensitive part not hashed yet.
    static func needsRedacting(_ value: Value) -> Bool {
        switch value {
        case .sensitive(.string(let text)) where text.hasPrefix(Value.hashPrefix): return false
        case .sensitive: return true
        case .list(let items): return items.contains(where: needsRedacting)
        case .object(let fields): return fields.values.contains(where: needsRedacting)
        default: return false
        }
    }
}
