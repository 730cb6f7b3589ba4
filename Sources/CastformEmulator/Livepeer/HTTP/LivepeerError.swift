import Foundation

/// An error answer of the Livepeer API: a status and the strings of `{"errors": [...]}`.
///
/// Only the status and the words live here; `LivepeerResponse.error` renders them. Routes
/// throw it and Hummingbird asks it for its response (`LivepeerError+Response.swift`).
struct LivepeerError: Error, Equatable {
    var statusCode: Int
    var errors: [String]

    init(status: Int, errors: [String]) {
        statusCode = status
        self.errors = errors
    }

    static func badRequest(_ message: String) -> Self { .init(status: 400, errors: [message]) }
    static func unauthorized(_ message: String) -> Self { .init(status: 401, errors: [message]) }
    static func forbidden(_ message: String) -> Self { .init(status: 403, errors: [message]) }
    static func notFound(_ message: String = "not found") -> Self { .init(status: 404, errors: [message]) }
    static func unprocessable(_ message: String) -> Self { .init(status: 422, errors: [message]) }
    static func tooManyRequests(_ message: String) -> Self { .init(status: 429, errors: [message]) }
    /// The server's catch-all: an unhandled JavaScript error, by its name.
    static func internalError(_ name: String) -> Self { .init(status: 500, errors: ["Internal server error: \(name)"]) }

    /// A schema failure: every Ajv error, each stringified.
    static func schema(_ errors: [LivepeerAjvError]) -> Self { .init(status: 422, errors: errors.map(\.stringified)) }
}
