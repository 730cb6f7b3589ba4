import CastformCore
import Foundation
import Testing

/// Digests are written in state and plan files as lowercase hexadecimal: every byte value as
/// `%02x` writes it, from any sequence of bytes.
@Suite struct HexTests {
    @Test func everyByteIsWrittenAsTwoLowercaseDigits() {
        let bytes = (0...255).map(UInt8.init)
        #expect(bytes.lowercaseHex == bytes.map { String(format: "%02x", $0) }.joined())
        #expect([UInt8]().lowercaseHex == "")
        #expect(Data([0xde, 0xad, 0xbe, 0xef]).lowercaseHex == "deadbeef")
        #expect((0..<3).lazy.map { UInt8($0 * 0x51) }.lowercaseHex == "0051a2")
    }
}
