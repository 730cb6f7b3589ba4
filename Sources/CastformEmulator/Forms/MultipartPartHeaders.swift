import Foundation

/// The headers of one multipart part that a form handler needs: the field name, the file name
/// (present for file parts only) and the declared content type.
struct MultipartPartHeaders: Equatable {
    var name: String?
    var filename: String?
    var contentType: String?

    /// Parses a header block ("Name: value" lines separated by CRLF). Header text is read as
    /// UTF-8, which is what browsers and HTTP libraries send for non-ASCII file names.
    init?(block: [UInt8]) {
        let text = String(decoding: block, as: UTF8.self)
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let field = line[..<colon].trimmingSpaces.lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces
            switch field {
            case "content-disposition":
                let parsed = HeaderValue(value)
                name = parsed.parameters["name"]
                filename = parsed.parameters["filename*"].flatMap(Self.decodeExtended) ?? parsed.parameters["filename"]
            case "content-type":
                contentType = value
            default:
                continue
            }
        }
    }

    init(name: String?, filename: String? = nil, contentType: String? = nil) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
    }

    /// RFC 5987 `UTF-8''percent%20encoded`.
    private static func decodeExtended(_ value: String) -> String? {
        guard let quotes = value.range(of: "''") else { return nil }
        return String(value[quotes.upperBound...]).removingPercentEncoding
    }
}

/// A header value with parameters: `multipart/form-data; boundary=xyz` or
/// `form-data; name="mp3"; filename="show.mp3"`. Parameter names are lower-cased; quoted values
/// are unquoted, with backslash escapes resolved.
struct HeaderValue {
    var value: String
    var parameters: [String: String] = [:]

    init(_ text: String) {
        var parts: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        value = parts[0].trimmingSpaces.lowercased()
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { continue }
            let key = part[..<equals].trimmingSpaces.lowercased()
            parameters[key] = part[part.index(after: equals)...].trimmingSpaces
        }
    }
}

extension StringProtocol {
    /// Without the spaces and tabs around it (HTTP's optional whitespace). Foundation's
    /// `trimmingCharacters(in:)` bridges through NSString: a tenth of the emulator's CPU per
    /// upload went there.
    var trimmingSpaces: String {
        let isSpace = { (character: Character) in character == " " || character == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
