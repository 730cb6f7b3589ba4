import Foundation

/// A strict parser of `multipart/form-data` bodies, standing in for the services' parsers: it
/// fails on anything malformed instead of guessing.
struct MultipartParser {
    struct Part: Equatable {
        var name: String
        var filename: String?
        var contentType: String?
        var body: [UInt8]
    }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses `body` sent with `contentType` (`multipart/form-data; boundary=...`).
    static func parse(_ body: [UInt8], contentType: String) throws -> [Part] {
        guard let range = contentType.range(of: "boundary=") else { throw Malformed(description: "no boundary in \(contentType)") }
        let boundary = Array(("--" + contentType[range.upperBound...]).utf8)
        var parts: [Part] = []
        var position = 0
        guard body.starts(with: boundary) else { throw Malformed(description: "body does not start with the boundary") }
        position = boundary.count
        while true {
            if body[position...].starts(with: Array("--\r\n".utf8)) {
                guard position + 4 == body.count else { throw Malformed(description: "bytes after the closing boundary") }
                return parts
            }
            guard body[position...].starts(with: Array("\r\n".utf8)) else { throw Malformed(description: "no CRLF after boundary") }
            position += 2
            guard let headerEnd = find(Array("\r\n\r\n".utf8), in: body, from: position) else { throw Malformed(description: "unterminated part headers") }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self).components(separatedBy: "\r\n")
            position = headerEnd + 4
            guard let next = find(Array("\r\n".utf8) + boundary, in: body, from: position) else { throw Malformed(description: "no boundary after part") }
            parts.append(try part(headers: headers, body: Array(body[position..<next])))
            position = next + 2 + boundary.count
        }
    }

    private static func part(headers: [String], body: [UInt8]) throws -> Part {
        var name: String?
        var filename: String?
        var contentType: String?
        for header in headers {
            let lower = header.lowercased()
            if lower.hasPrefix("content-disposition: form-data;") {
                name = parameter("name", in: header)
                filename = parameter("filename", in: header)
            } else if lower.hasPrefix("content-type:") {
                contentType = String(header.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces)
            } else {
                throw Malformed(description: "unexpected part header \(header)")
            }
        }
        guard let name else { throw Malformed(description: "part without a name") }
        return Part(name: name, filename: filename, contentType: contentType, body: body)
    }

    private static func parameter(_ key: String, in header: String) -> String? {
        guard let start = header.range(of: "; \(key)=\"") else { return nil }
        let rest = header[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
