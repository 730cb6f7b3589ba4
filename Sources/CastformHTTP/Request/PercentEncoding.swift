/// RFC 3986 percent-encoding for the parts of a URL castform builds.
///
/// Written out rather than borrowed from Foundation's character sets, whose query set lets `&`,
/// `=` and `+` through: a tag or title containing them would split a query item in two.
enum PercentEncoding {
    /// Encodes everything but the unreserved characters (for query names and values, forms).
    static func component(_ text: String) -> String {
        encode(text) { isUnreserved($0) }
    }

    /// Encodes a path, keeping `/` and the characters a path segment may hold.
    static func path(_ text: String) -> String {
        encode(text) { isUnreserved($0) || "/!$&'()*+,;=:@".utf8.contains($0) }
    }

    /// `name=value&...` with both sides encoded: a query string, or a form body.
    static func query(_ items: [(name: String, value: String)]) -> String {
        items.map { component($0.name) + "=" + component($0.value) }.joined(separator: "&")
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func encode(_ text: String, keeping keep: (UInt8) -> Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if keep(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
