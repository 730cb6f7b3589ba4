import Foundation
import Hummingbird

/// A route whose change could not be saved answers 500 with what went wrong, so the client
/// sees a server error (and may retry) instead of a success that a restart would forget.
extension EmulatorStoreError: HTTPResponseError {
    public var status: HTTPResponse.Status { .internalServerError }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = #"{"error":\#(EmulatorStoreError.jsonString(description))}"#
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    private static func jsonString(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
