extension Sequence where Element == UInt8 {
    /// The bytes as lowercase hexadecimal (digests in state and plan files). By hand, and
    /// written straight into the string's storage: `String(format: "%02x")` per byte, or a
    /// table and a byte array per call, cost more than the hashing it formats.
    public var lowercaseHex: String {
        let bytes = ContiguousArray(self)
        return String(unsafeUninitializedCapacity: bytes.count * 2) { text in
            for (index, byte) in bytes.enumerated() {
                text[2 * index] = Self.hexDigit(byte >> 4)
                text[2 * index + 1] = Self.hexDigit(byte & 0x0f)
            }
            return bytes.count * 2
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
