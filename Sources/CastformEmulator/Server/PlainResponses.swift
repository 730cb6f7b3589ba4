import Foundation
import Hummingbird
import NIOCore

/// Answers of the emulators whose services speak plain JSON or text (SideFX, Livecoding.tv),
/// and the one request header they share, Basic client authentication.
enum PlainResponses {
    /// `value` (JSONSerialization's objects) as `application/json`, keys sorted.
    static func json(_ value: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = ObjectJSONWriter.data(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ message: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: message)))
    }

    /// The `id` and `secret` of an `Authorization: Basic base64(id:secret)` header.
    static func basicCredentials(_ request: Request) -> (id: String, secret: String)? {
        guard let value = request.headers[.authorization], value.hasPrefix("Basic "),
              let data = Data(base64Encoded: String(value.dropFirst(6))), let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":") else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
