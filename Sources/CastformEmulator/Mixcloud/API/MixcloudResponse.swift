import Foundation
import Hummingbird
import NIOCore

/// How the emulated API writes responses: JSON served as `text/javascript` (as Mixcloud does),
/// wrapped as JSONP when the request asks with `?callback=name`.
enum MixcloudResponse {
    static let contentType = "text/javascript; charset=utf-8"

    static func json(_ object: [String: Any], status: Int = 200, callback: String? = nil) -> Response {
        let data = ObjectJSONWriter.data(object, escapingSlashes: false)
        var text = String(decoding: data, as: UTF8.self)
        if let callback, isJavaScriptName(callback) { text = "\(callback)(\(text));" }
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func error(_ error: MixcloudAPIError) -> Response {
        var body: [String: Any] = ["error": ["type": error.type, "message": error.message]]
        if let details = error.details { body["details"] = details }
        return json(body, status: error.statusCode)
    }

    /// 301 or 302 with a `Location`.
    static func redirect(to location: String, status: Int) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.contentType] = contentType
        return Response(status: .init(code: status), headers: headers, body: .init())
    }

    /// JSONP callbacks are JavaScript identifiers (dots allowed); anything else is ignored so
    /// the emulator cannot be made to echo script.
    private static func isJavaScriptName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_$.".contains($0)) }
    }
}
