import Hummingbird
import NIOCore

/// Building blocks for the services' fault answers.
public enum FaultResponses {
    /// A JSON body with a status, `Retry-After` seconds when given, and a content type.
    public static func json(_ body: String, status: Int, retryAfter: Int?,
                            contentType: String = "application/json; charset=utf-8") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
