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
        let data = (try? Self.canonical.encode(value.unmarked)) ?? Data()
        let mac = HMAC<SHA256>.authenticationCode(for: data, using: SymmetricKey(data: keyBytes))
        // Hex by hand: `String(format: "%02x")` per byte was most of the cost of a plan
        // (every read object's secrets are hashed, 32 formatted bytes each).
        var hex: [UInt8] = []
        hex.reserveCapacity(2 * SHA256.byteCount)
        for byte in mac {
            hex.append(Self.hexDigits[Int(byte >> 4)])
            hex.append(Self.hexDigits[Int(byte & 0x0f)])
        }
        return Value.hashPrefix + String(decoding: hex, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

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

    public func redact(_ attributes: [String: Value]) -> [String: Value] {
        attributes.mapValues(redact)
    }
}
