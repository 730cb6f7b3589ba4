import CastformCore

extension ConstraintCheck {
    /// `YYYY-MM-DDTHH:MM:SSZ`, the only form Mixcloud's publish_date takes.
    static func utcTimestamp(_ value: ConfigValue, name: String) -> [Diagnostic] {
        guard let text = value.string else { return [] }
        if isUTCTimestamp(text) { return [] }
        return [.error("\"\(name)\" must be a UTC time written YYYY-MM-DDTHH:MM:SSZ, not \"\(text)\"", at: value.location)]
    }

    static func isUTCTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return false }
        let shape = Array("dddd-dd-ddTdd:dd:ddZ".utf8)
        for (byte, expected) in zip(bytes, shape) {
            if expected == UInt8(ascii: "d") {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
            } else if byte != expected {
                return false
            }
        }
        func number(_ range: Range<Int>) -> Int { Int(String(decoding: bytes[range], as: UTF8.self))! }
        return (1...12).contains(number(5..<7)) && (1...31).contains(number(8..<10))
            && number(11..<13) < 24 && number(14..<16) < 60 && number(17..<19) < 60
    }
}
