/// A complete response: status, headers and the whole body (bounded by
/// `ServiceConfiguration.maxResponseBytes`).
///
/// Bodies are collected rather than streamed because every castform API answer is a small JSON
/// document or an error page; only uploads are big, and those go the other way.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HeaderFields
    public var body: [UInt8]
    /// The request this answers, for error messages.
    public var request: RequestLine
    /// How many times the request was sent to get this response (retries included).
    public var attempts: Int

    public init(status: Int, headers: HeaderFields = [:], body: [UInt8] = [], request: RequestLine, attempts: Int = 1) {
        self.status = status
        self.headers = headers
        self.body = body
        self.request = request
        self.attempts = attempts
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }

    public var isSuccess: Bool { (200..<300).contains(status) }
}
