import Foundation

extension HTTPRequest {
    /// What a request carries.
    public enum Body: Sendable {
        case empty
        case bytes([UInt8], contentType: String = "application/octet-stream")
        /// JSON text already encoded (see `json(encoding:encoder:)`).
        case json([UInt8])
        /// `application/x-www-form-urlencoded` fields, in order.
        case form([(name: String, value: String)])
        /// A multipart form; its files are streamed from disk, and never sent twice.
        case multipart(MultipartForm)

        /// Encodes `value` as a JSON body.
        public static func json<T: Encodable>(encoding value: T, encoder: JSONEncoder = JSONEncoder()) throws -> Body {
            .json(Array(try encoder.encode(value)))
        }

        /// Whether the body can be produced a second time for a retry. A multipart form with
        /// files is streamed from disk once: re-sending gigabytes after an ambiguous failure is
        /// the caller's decision, never an automatic one. A form of text fields alone (an edit
        /// of a show's title) is a few bytes in memory, as replayable as JSON.
        public var isReplayable: Bool {
            if case .multipart(let form) = self { return !form.hasFiles }
            return true
        }

        /// The `Content-Type` the body is sent with, if it has one.
        public var contentType: String? {
            switch self {
            case .empty: nil
            case .bytes(_, let contentType): contentType
            case .json: "application/json"
            case .form: "application/x-www-form-urlencoded"
            case .multipart(let form): form.contentType
            }
        }
    }
}
