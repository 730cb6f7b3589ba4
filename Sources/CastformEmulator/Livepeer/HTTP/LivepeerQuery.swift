import Foundation

/// Query strings, read and written as the server's Node code does.
enum LivepeerQuery {
    /// `a=1&b=x+y` into ordered pairs; `+` is a space, `%XX` is decoded.
    static func items(_ query: String) -> [(name: String, value: String)] {
        query.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            return (name: name, value: value)
        }
    }

    /// `URLSearchParams.toString()`: application/x-www-form-urlencoded, spaces as `+`.
    static func encode(_ items: [(name: String, value: String)]) -> String {
        items.map { "\(encodeComponent($0.name))=\(encodeComponent($0.value))" }.joined(separator: "&")
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    private static let formSafe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789*-._")

    private static func encodeComponent(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, formSafe.contains(scalar) {
                encoded.unicodeScalars.append(scalar)
            } else if byte == 0x20 {
                encoded += "+"
            } else {
                encoded += String(format: "%%%02X", byte)
            }
        }
        return encoded
    }
}
