import Foundation

extension HTTPResponse {
    /// Decodes the body as JSON into `T`.
    ///
    /// A failure becomes an `HTTPError` of kind `.decoding` naming the service, the request and
    /// where in the document the problem is, never a raw `DecodingError`: "Streams GET
    /// .../stream: HTTP 200: unexpected response: missing "id" at [3]" tells a user (and a
    /// bug report) what went wrong. A 2xx answer that cannot be read is outcome-unknown: the
    /// service did what was asked, castform just cannot tell what came of it.
    public func decode<T: Decodable>(_ type: T.Type = T.self, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        do {
            return try decoder.decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            throw HTTPError(
                request: request,
                kind: .decoding(DecodingFailure.describe(error, body: body)),
                status: status,
                outcomeUnknown: isSuccess,
                attempts: attempts
            )
        }
    }

    /// The body as a loosely typed JSON value, for answers not worth a `Decodable` type.
    /// Parsed in one pass (`JSONParser`): list pages of a large account are read this way.
    /// The body as JSON, or of it what `selection` keeps (the rest checked, never built: the
    /// parts of a large answer castform does not read).
    public func json(keeping selection: JSONSelection = .all) throws -> JSONValue {
        do {
            return try JSONParser.parse(body, keeping: selection)
        } catch {
            let text = PlainText.summary(of: body, limit: 120)
            throw HTTPError(request: request, kind: .decoding(text.isEmpty ? "the body is empty, not JSON" : "not JSON: \(text)"),
                            status: status, outcomeUnknown: isSuccess, attempts: attempts)
        }
    }
}

/// Turns a `DecodingError` into one line about the document, not about Swift.
enum DecodingFailure {
    static func describe(_ error: DecodingError, body: [UInt8]) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\"\(at(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "expected \(name(of: type))\(at(context.codingPath))"
        case .valueNotFound(let type, let context):
            return "null where \(name(of: type)) was expected\(at(context.codingPath))"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            let text = PlainText.summary(of: body, limit: 120)
            return text.isEmpty ? "the body is empty, not JSON" : "not JSON: \(text)"
        case .dataCorrupted(let context):
            return "invalid value\(at(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// ` at data[3].profiles[0].name`, or nothing at the top level.
    private static func at(_ path: [any CodingKey]) -> String {
        guard !path.isEmpty else { return "" }
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return " at \(text)"
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        default:
            String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
