import Foundation
import Hummingbird
import NIOCore

/// The responses of the emulated server, shaped as Express sends them.
enum LivepeerResponse {
    /// `res.json(...)`: `Content-Type: application/json; charset=utf-8`.
    static func json(_ value: LivepeerJSON, status: Int = 200, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .init(code: status), headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: LivepeerJSONWriter.string(value))))
    }

    /// `res.status(204).end()`: no body, no content type.
    static var noContent: Response {
        Response(status: .noContent)
    }

    /// `{"errors": [...]}` with the error's status.
    static func error(_ error: LivepeerError) -> Response {
        json(.fields(["errors": LivepeerJSON(error.errors)]), status: error.statusCode)
    }
}
