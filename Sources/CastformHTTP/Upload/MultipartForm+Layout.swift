import Foundation

extension MultipartForm {
    /// A run of the body: bytes held in memory (boundaries, headers, fields) or a whole file.
    enum Segment: Sendable {
        case bytes([UInt8])
        case file(path: String, size: Int64)
    }

    /// The body as segments, and its total length: the single source of both the bytes sent
    /// and the `Content-Length` announced, so the two cannot disagree.
    func layout() throws -> (segments: [Segment], length: Int64) {
        var segments: [Segment] = []
        var pending = ""
        var length: Int64 = 0
        func flush() {
            guard !pending.isEmpty else { return }
            let bytes = Array(pending.utf8)
            segments.append(.bytes(bytes))
            length += Int64(bytes.count)
            pending = ""
        }
        for part in parts {
            pending += "--\(boundary)\r\n"
            switch part {
            case .field(let name, let value):
                pending += "Content-Disposition: form-data; name=\"\(Self.quoted(name))\"\r\n\r\n"
                pending += value + "\r\n"
            case .file(let name, let filename, let contentType, let path):
                pending += "Content-Disposition: form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(filename))\"\r\n"
                pending += "Content-Type: \(contentType)\r\n\r\n"
                flush()
                let size = try Self.size(of: path)
                segments.append(.file(path: path, size: size))
                length += size
                pending = "\r\n"
            }
        }
        pending += "--\(boundary)--\r\n"
        flush()
        return (segments, length)
    }

    /// Escapes a name or filename for a quoted header parameter, as browsers do (WHATWG HTML
    /// §4.10.21.8): `"` and line breaks are percent-encoded, everything else is sent as UTF-8.
    /// (Works on scalars: in a `String`, "\r\n" is one character, equal to neither half.)
    static func quoted(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "%22"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func size(of path: String) throws -> Int64 {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw FileError.unreadable(path: path, reason: "no such file")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw FileError.unreadable(path: path, reason: "not a regular file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw FileError.unreadable(path: path, reason: "permission denied")
        }
        return (attributes[.size] as? NSNumber)?.int64Value ?? 0
    }
}
